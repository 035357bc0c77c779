import { InvalidArgumentError } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import { describeTagRef, resolveTagRef } from '../core/domain/codebook/tag-rules'
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

export const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n'

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
