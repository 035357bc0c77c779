import { safeJson } from '../../domain/text/control-chars'
import { z } from 'zod'
import { reliabilityFileSchema, type ReliabilityFile } from '../../../shared/reliability-schemas'
import { analysesFileSchema } from '../../../shared/analysis-schemas'
import type { AnalysesFile } from '../../../shared/analysis'
import {
  annotationFileSchema,
  blocksSchema,
  portableWorkspaceSchema,
  type AnnotationFile
} from '../../ports'

/** The full-fidelity export: everything in the workspace but the original files, in one versioned JSON file. */
export const DUMP_FORMAT = 'analyst-workbench-export'
/** 2: with `reliability` (sources, grades, flags, derivation links); 1 is read too. */
export const DUMP_VERSION = 2

/** The catalog as exported: without where its texts are and its generation (this workspace's bookkeeping). */
const dumpedWorkspaceSchema = portableWorkspaceSchema

export const dumpSchema = z.object({
  format: z.literal(DUMP_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  workspace: dumpedWorkspaceSchema,
  texts: z.record(z.string(), z.object({ text: z.string(), blocks: blocksSchema })),
  annotations: z.record(z.string(), annotationFileSchema),
  /** Sources, grades with their history, provenance flags and derivation links (reliability.json). */
  reliability: reliabilityFileSchema.optional(),
  /** Analyses of competing hypotheses and the dates set for passages (analyses.json). */
  analyses: analysesFileSchema.optional(),
  /** What could not be read when the backup was made (a damaged file), and so is not in it. */
  unreadable: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        part: z.enum(['text', 'highlights']),
        problem: z.string()
      })
    )
    .optional()
})
export type Dump = z.infer<typeof dumpSchema>

export function renderDump(
  exportedAt: string,
  workspace: Dump['workspace'],
  texts: Dump['texts'],
  annotations: Record<string, AnnotationFile>,
  reliability?: ReliabilityFile,
  unreadable: NonNullable<Dump['unreadable']> = [],
  analyses?: AnalysesFile
): string {
  const dump: Dump = {
    format: DUMP_FORMAT,
    version: DUMP_VERSION,
    exportedAt,
    workspace,
    texts,
    annotations,
    ...(reliability && { reliability }),
    ...(analyses && (analyses.analyses.length || analyses.dates.length) ? { analyses } : {}),
    ...(unreadable.length ? { unreadable } : {})
  }
  return safeJson(dump, 1) + '\n'
}
