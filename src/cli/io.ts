import { InvalidArgumentError } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import { describeTagRef, resolveTagRef } from '../core/domain/codebook/tag-rules'
import { safeJson, terminalSafe } from '../core/domain/text/control-chars'
import type { Workbench } from '../core/workbench'
import type { TagView } from '../shared/model'

/** Where the CLI writes: standard output and error, and whether they go to a terminal. */
export interface CliIo {
  out: (s: string) => void
  err: (s: string) => void
  isTTY: boolean
}

/** Runs a command's work with the workspace open (read-only for commands that only read). */
export type WithWorkbench = (
  readOnly: boolean,
  fn: (wb: Workbench) => Promise<void>
) => Promise<void>

export const json = (v: unknown): string => safeJson(v, 2) + '\n'

/** For options given more than once. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

export const positiveInt = (v: string): number => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number from 1 up, not "${v}"`)
  return n
}

export function positive(v: string, flag: string): number {
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`${flag} takes a positive number, not "${v}"`)
  return n
}

/** The tag a person named on the command line, as search's tag: does (id, path, or a bare unique name). */
export function resolveTagArg(tags: TagView[], ref: string): TagView {
  const tag = resolveTagRef(tags, ref)
  if (!tag)
    throw new WorkbenchError('not-found', `${describeTagRef(tags, ref)} (see workbench tags).`)
  return tags.find((t) => t.id === tag.id) as TagView
}

/** Clears the terminal line: the start of a progress line on standard error. */
export const CLEAR_LINE = '\r\x1b[K'

/**
 * The same output, with every control character in it shown as its code: titles, tags, notes and
 * file names come from untrusted documents and must never drive the terminal. Only the CLI's own
 * progress lines (which start by clearing the line) keep that one sequence.
 */
export function terminalIo(io: CliIo): CliIo {
  return {
    isTTY: io.isTTY,
    out: (s) => io.out(terminalSafe(s)),
    err: (s) =>
      io.err(
        s.startsWith(CLEAR_LINE)
          ? CLEAR_LINE + terminalSafe(s.slice(CLEAR_LINE.length))
          : terminalSafe(s)
      )
  }
}

/** The options of `search`, with whether each takes a value. */
const SEARCH_OPTIONS = new Map([
  ['--limit', true],
  ['--json', false],
  ['-h', false],
  ['--help', false]
])

/**
 * `search -harbour attack`: a word that starts with "-" excludes it from the results, so it is
 * part of the query, not an option. The command's own options are put before "--" and everything
 * else after it, where the option parser leaves it alone.
 */
export function queryAfterOptions(argv: string[]): string[] {
  // The command is the first word that is neither a global option nor the workspace folder.
  let at = 0
  while (at < argv.length && argv[at].startsWith('-'))
    at += argv[at] === '-w' || argv[at] === '--workspace' ? 2 : 1
  if (argv[at] !== 'search' || argv.includes('--')) return argv
  const options: string[] = []
  const query: string[] = []
  for (let i = at + 1; i < argv.length; i++) {
    const [name] = argv[i].split('=')
    const takesValue = SEARCH_OPTIONS.get(name)
    if (takesValue === undefined) query.push(argv[i])
    else {
      options.push(argv[i])
      if (takesValue && !argv[i].includes('=') && i + 1 < argv.length) options.push(argv[++i])
    }
  }
  return [...argv.slice(0, at + 1), ...options, '--', ...query]
}
