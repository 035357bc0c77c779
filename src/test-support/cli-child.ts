/**
 * The workbench CLI in a child process, for tests that watch the whole process: its exit code,
 * its output, and its peak memory (written to $RSS_FILE in KB when it exits).
 */
import { writeFileSync } from 'node:fs'
import { runCli } from '../cli/program'
import { sourceWorker } from './worker'

const code = await runCli(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), isTTY: false },
  sourceWorker
)
if (process.env.RSS_FILE)
  writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS))
process.exitCode = code
