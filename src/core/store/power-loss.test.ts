import { describe, expect, it } from 'vitest'
import { PowerCut, PowerLossFs } from '../../test-support/power-loss-fs'
import { writeFileDurable } from './durable-write'

const FILE = '/ws/workspace.json'
const versions = [1, 2, 3, 4].map((v) =>
  JSON.stringify({ schemaVersion: 1, documents: Array.from({ length: v }, (_, i) => `doc${i}`) })
)

/** Writes the versions one after another, cutting the power before step `cutAt`. Returns what was acknowledged. */
async function writeAll(
  fs: PowerLossFs,
  write: (data: string) => Promise<void>
): Promise<string | undefined> {
  let acknowledged: string | undefined
  try {
    for (const v of versions) {
      await write(v)
      acknowledged = v
    }
  } catch (err) {
    if (!(err instanceof PowerCut)) throw err
  }
  return acknowledged
}

describe('power loss', () => {
  it('at any moment, the file comes back as the last acknowledged version or the one being written, never empty or torn', async () => {
    const total = new PowerLossFs()
    await writeAll(total, (d) => writeFileDurable(FILE, d, total))
    for (let cutAt = 1; cutAt <= total.stepsTaken + 1; cutAt++) {
      const fs = new PowerLossFs()
      fs.cutAt = cutAt
      const acknowledged = await writeAll(fs, (d) => writeFileDurable(FILE, d, fs))
      fs.crash()
      const after = fs.read(FILE)
      if (acknowledged === undefined) {
        expect([undefined, versions[0]], `cut at step ${cutAt}`).toContain(after)
        continue
      }
      const next = versions[versions.indexOf(acknowledged) + 1]
      expect([acknowledged, next], `cut at step ${cutAt}`).toContain(after)
    }
  })

  it('the simulation is not toothless: writing in place without fsync loses acknowledged data', async () => {
    const total = new PowerLossFs()
    await writeAll(total, (d) => total.writeInPlace(FILE, d))
    let lost = 0
    for (let cutAt = 1; cutAt <= total.stepsTaken + 1; cutAt++) {
      const fs = new PowerLossFs()
      fs.cutAt = cutAt
      const acknowledged = await writeAll(fs, (d) => fs.writeInPlace(FILE, d))
      fs.crash()
      if (acknowledged !== undefined && fs.read(FILE) !== acknowledged) lost++
    }
    expect(lost).toBeGreaterThan(0)
  })
})
