import { safeJson } from '../../domain/text/control-chars'
import { z } from 'zod'
import {
  annotationFileSchema,
  blocksSchema,
  portableWorkspaceSchema,
  type AnnotationFile
} from '../../ports'

/** The full-fidelity export: everything in the workspace but the original files, in one versioned JSON file. */
export const DUMP_FORMAT = 'analyst-workbench-export'
export const DUMP_VERSION = 1

/** The catalog as exported: without where its texts are and its generation (this workspace's bookkeeping). */
const dumpedWorkspaceSchema = portableWorkspaceSchema

export const dumpSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  workspace: dumpedWorkspaceSchema,
  texts: z.record(z.string(), z.object({ text: z.string(), blocks: blocksSchema })),
  annotations: z.record(z.string(), annotationFileSchema)
})
export type Dump = z.infer<typeof dumpSchema>

export function renderDump(
  exportedAt: string,
  workspace: Dump['workspace'],
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
  return safeJson(dump, 1) + '\n'
}
