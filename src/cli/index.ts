import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from './program'

/** Entry of the `workbench` command (built to out/main/cli.js next to the parser worker). */
const here = dirname(fileURLToPath(import.meta.url))
const code = await runCli(
  process.argv.slice(2),
  {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY)
  },
  { file: join(here, 'parse-worker.js') },
  { file: join(here, 'index-worker.js') }
)
process.exitCode = code
