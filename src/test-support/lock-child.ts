/**
 * Child process for the lock tests (lock.test.ts). `hold`: takes the workspace lock, says
 * "locked", and holds it until killed. `race`: says "ready", tries the lock once (no waiting for a
 * stale lock) when a line arrives on standard input, prints the outcome as JSON, and exits at the
 * next line.
 */
import { createInterface } from 'node:readline'
import { lockWorkspace } from '../core/store/lock'

const [dir, mode] = process.argv.slice(2)
const input = createInterface({ input: process.stdin })[Symbol.asyncIterator]()

if (mode === 'hold') {
  await lockWorkspace(dir, () => undefined)
  process.stdout.write('locked\n')
  setInterval(() => undefined, 60_000)
} else {
  process.stdout.write('ready\n')
  await input.next()
  const outcome = await lockWorkspace(dir, () => undefined, 0).then(
    () => ({ ok: true }),
    (err: { code?: string; message?: string }) => ({
      ok: false,
      code: err.code,
      message: err.message
    })
  )
  process.stdout.write(`${JSON.stringify(outcome)}\n`)
  await input.next()
  process.exit(0)
}
