import { runCli } from '../cli/program'
import { sourceWorker } from './worker'

/** Runs the workbench CLI in-process and collects its exit code and output. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(
    argv,
    { out: (s) => (out += s), err: (s) => (err += s), isTTY: false },
    sourceWorker
  )
  return { code, out, err }
}
