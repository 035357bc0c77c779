import { z } from 'zod'
import {
  annotationFileSchema,
  blocksSchema,
  workspaceFileSchema,
  type AnnotationFile,
  type WorkspaceFile
} from '../store/schema'

/** The full-fidelity export: everything in the workspace but the original files, in one versioned JSON file. */
export const DUMP_FORMAT = 'analyst-workbench-export'
export const DUMP_VERSION = 1

export const dumpSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  workspace: workspaceFileSchema,
  texts: z.record(z.string(), z.object({ text: z.string(), blocks: blocksSchema })),
  annotations: z.record(z.string(), annotationFileSchema)
})
export type Dump = z.infer<typeof dumpSchema>

export function renderDump(
  exportedAt: string,
  workspace: WorkspaceFile,
  texts: Dump['texts'],
  annotations: Record<string, AnnotationFile>
): string {
  const dump: Dump = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    exportedAt,
    workspace,
    texts,
    annotations
  }
  return JSON.stringify(dump, null, 1) + '\n'
}
