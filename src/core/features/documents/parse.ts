import type { DocumentFormat, ReadOptions } from '../../../shared/model'
import type { ParsedFile } from '../../workers/worker-protocol'

/** Reads a file's bytes into a document (in a parser worker); throws a readable error. */
export type Parse = (
  name: string,
  data: Uint8Array,
  read?: ReadOptions
) => Promise<{ format: DocumentFormat } & ParsedFile>
