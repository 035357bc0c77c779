import type { UndoCommand } from '../shared/api'
import type { DocumentMeta } from '../shared/model'
import { createWorkbench, type Workbench, type WorkbenchOptions } from '../core/workbench'
import { sourceWorker } from './worker'

/** A workbench over `dir` with a fixed clock and predictable ids, as the tests want it. */
export function openTestWorkbench(
  dir: string,
  extra: Partial<WorkbenchOptions> = {}
): Promise<Workbench> {
  let n = 0
  return createWorkbench(dir, {
    parserWorker: sourceWorker,
    now: () => new Date('2025-03-06T09:00:00Z'),
    newId: () => String(++n).padStart(4, '0'),
    ...extra
  })
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

export async function importText(wb: Workbench, name: string, text: string): Promise<DocumentMeta> {
  const outcome = await wb.importFile({ name, data: enc(text) })
  if (outcome.status !== 'imported')
    throw new Error(`expected ${name} to import: ${JSON.stringify(outcome)}`)
  return outcome.document
}

/** Runs an undo (or redo) command as the renderer does, returning the command that reverses it. */
export async function run(wb: Workbench, command: UndoCommand): Promise<UndoCommand> {
  const fn = wb[command.method] as (...args: unknown[]) => Promise<{ undo: UndoCommand }>
  return (await fn(...command.args)).undo
}
