import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useTempDirs } from '../../test-support/temp-dir'
import { BackupFolder, backupsToKeep, DurableJsonFile } from './json-file'

const tempDir = useTempDirs()
const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.string()) })
type Data = z.infer<typeof schema>

async function setup(): Promise<{
  dir: string
  file: string
  warnings: string[]
  adapter: DurableJsonFile<Data>
}> {
  const dir = await tempDir()
  const warnings: string[] = []
  let tick = 0
  const adapter = new DurableJsonFile<Data>({
    file: join(dir, 'workspace.json'),
    schema,
    schemaVersion: 1,
    backupsDir: dir,
    keepBackups: 3,
    onWarning: (m) => warnings.push(m),
    now: () => new Date(Date.UTC(2025, 2, 1, 12, 0, tick++))
  })
  return { dir, file: join(dir, 'workspace.json'), warnings, adapter }
}

describe('DurableJsonFile', () => {
  it('round-trips data and reads a missing file as null (a new workspace)', async () => {
    const { adapter } = await setup()
    expect(await adapter.read()).toBeNull()
    await adapter.write({ schemaVersion: 1, items: ['a'] })
    expect(await adapter.read()).toEqual({ schemaVersion: 1, items: ['a'] })
  })

  it.each([
    ['empty', ''],
    ['NUL-filled', '\u0000'.repeat(64)],
    ['truncated', '{"schemaVersion":1,"items":["a","b'],
    ['null', 'null'],
    ['wrong shape', '{"schemaVersion":1,"items":"not a list"}']
  ])('copies a %s file aside and restores the newest good backup', async (_, damaged) => {
    const { dir, file, warnings, adapter } = await setup()
    await adapter.write({ schemaVersion: 1, items: ['old'] })
    await adapter.backup()
    await adapter.write({ schemaVersion: 1, items: ['newer'] })
    await adapter.backup()
    await writeFile(file, damaged)
    expect(await adapter.read()).toEqual({ schemaVersion: 1, items: ['newer'] })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /workspace\.json was damaged .* copied to workspace\.json\.corrupt-\S+ and the backup workspace-\S+\.json was restored/
    )
    const aside = (await readdir(dir)).find((n) => n.includes('.corrupt-'))
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe(damaged)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, items: ['newer'] })
  })

  it('skips damaged backups, and without a good one keeps refusing on every open rather than starting empty', async () => {
    const { dir, file, adapter } = await setup()
    await writeFile(join(dir, 'workspace-20250101T000000000Z.json'), '{broken')
    const damaged = '{"schemaVersion":1,"items":['
    await writeFile(file, damaged)
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(adapter.read()).rejects.toMatchObject({
        code: 'corrupt',
        message: expect.stringMatching(/is damaged .*no good backup.*It was left as it is/)
      })
    }
    expect(await readFile(file, 'utf8')).toBe(damaged)
  })

  it('in read-only mode, shows the backup without changing anything on disk', async () => {
    const { dir, file, adapter } = await setup()
    await adapter.write({ schemaVersion: 1, items: ['kept'] })
    await adapter.backup()
    await writeFile(file, 'null')
    const warnings: string[] = []
    const reader = new DurableJsonFile<Data>({
      file,
      schema,
      schemaVersion: 1,
      backupsDir: dir,
      onWarning: (m) => warnings.push(m),
      readOnly: true
    })
    expect(await reader.read()).toEqual({ schemaVersion: 1, items: ['kept'] })
    expect(warnings[0]).toMatch(/is damaged .*showing the backup/)
    expect(await readFile(file, 'utf8')).toBe('null')
    expect((await readdir(dir)).some((n) => n.includes('.corrupt-'))).toBe(false)
  })

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const { file, adapter } = await setup()
    const future = '{"schemaVersion":7,"items":[],"somethingNew":true}'
    await writeFile(file, future)
    await expect(adapter.read()).rejects.toMatchObject({
      code: 'newer-schema',
      message: expect.stringMatching(
        /newer version of Analyst Workbench \(schema 7; this version understands up to 1\)/
      )
    })
    expect(await readFile(file, 'utf8')).toBe(future)
  })

  it('keeps only the newest backups', async () => {
    const { adapter } = await setup()
    await adapter.write({ schemaVersion: 1, items: [] })
    for (let i = 0; i < 5; i++) await adapter.backup()
    expect(await adapter.listBackups()).toHaveLength(3)
  })
})

describe('a backups folder shared by many files', () => {
  it("keeps each file's own backups, even where one file's name starts with another's", async () => {
    const dir = await tempDir()
    const backups = new BackupFolder(join(dir, 'backups'))
    await mkdir(backups.dir)
    let tick = 0
    const adapterFor = (name: string): DurableJsonFile<Data> =>
      new DurableJsonFile<Data>({
        file: join(dir, name),
        schema,
        schemaVersion: 1,
        backupsDir: backups.dir,
        backups,
        keepBackups: 2,
        onWarning: () => undefined,
        now: () => new Date(Date.UTC(2025, 2, 1, 12, 0, tick++))
      })
    const a = adapterFor('a.json')
    const ab = adapterFor('a-b.json')
    await a.write({ schemaVersion: 1, items: ['a'] })
    await ab.write({ schemaVersion: 1, items: ['a-b'] })
    for (let i = 0; i < 3; i++) {
      await a.backup()
      await ab.backup()
    }
    const names = (files: string[]): string[] => files.map((f) => f.slice(backups.dir.length + 1))
    expect(names(await a.listBackups())).toEqual([
      'a-20250301T120008000Z.json',
      'a-20250301T120004000Z.json'
    ])
    expect(names(await ab.listBackups())).toEqual([
      'a-b-20250301T120010000Z.json',
      'a-b-20250301T120006000Z.json'
    ])
    // What the folder holds on disk is what the files were told.
    expect((await readdir(backups.dir)).sort()).toEqual(
      [...names(await a.listBackups()), ...names(await ab.listBackups())].sort()
    )
  })
})

describe('backupsToKeep', () => {
  const name = (iso: string): string =>
    `workspace-${iso.replace(/[-:]/g, '').replace('.', '')}.json`
  it('keeps the newest few and the newest of each of the last seven days', () => {
    const now = new Date('2025-03-20T12:00:00.000Z')
    const names = [
      '2025-03-20T11:00:00.000Z',
      '2025-03-20T10:00:00.000Z',
      '2025-03-20T09:00:00.000Z',
      '2025-03-19T18:00:00.000Z',
      '2025-03-19T08:00:00.000Z',
      '2025-03-15T08:00:00.000Z',
      '2025-03-14T08:00:00.000Z',
      '2025-03-10T08:00:00.000Z'
    ].map(name)
    expect([...backupsToKeep(names, 2, now)].sort()).toEqual(
      [
        '2025-03-20T11:00:00.000Z',
        '2025-03-20T10:00:00.000Z',
        '2025-03-19T18:00:00.000Z',
        '2025-03-15T08:00:00.000Z',
        '2025-03-14T08:00:00.000Z'
      ]
        .map(name)
        .sort()
    )
  })
})
