import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const config = JSON.parse(await readFile(join(root, 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

describe('packaging (electron-builder.json)', () => {
  it('uses only options this electron-builder knows (checked against its schema)', async () => {
    const schema = JSON.parse(
      await readFile(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')
    )
    const known = Object.keys(schema.properties)
    expect(Object.keys(config).filter((k) => k !== '$schema' && !known.includes(k))).toEqual([])
    const fuses = Object.keys(schema.definitions.FuseOptionsV1.properties)
    expect(Object.keys(config.electronFuses).filter((k) => !fuses.includes(k))).toEqual([])
  })

  it('flips the Electron fuses that close the back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node runtime
      enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
      enableNodeCliInspectArguments: false, // --inspect cannot attach a debugger
      onlyLoadAppFromAsar: true, // the app code is only loaded from app.asar
      enableEmbeddedAsarIntegrityValidation: true, // and app.asar is checked against its hash
      grantFileProtocolExtraPrivileges: false
    })
    expect(config.asar).toBe(true)
  })

  it('ships only the built app and the demo documents, and never looks for updates', () => {
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(config.extraResources).toEqual([{ from: 'resources/demo', to: 'demo' }])
    expect(config.publish).toBeNull()
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    expect(deps.filter((d) => /updater|analytics|sentry|telemetry/i.test(d))).toEqual([])
  })
})
