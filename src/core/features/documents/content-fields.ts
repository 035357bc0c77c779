import type { DocumentFormat, DocumentMeta, ReadOptions } from '../../../shared/model'
import type { ParsedFile } from '../../workers/worker-protocol'

/** The catalog fields that come from a file's content: the same for a first import and a new version. */
export function contentFields(
  parsed: { format: DocumentFormat } & ParsedFile,
  name: string,
  sha256: string,
  bytes: number,
  title: string,
  read: ReadOptions | undefined
): Omit<DocumentMeta, 'id' | 'importedAt' | 'importOrder' | 'stored'> {
  const { doc } = parsed
  const chosen: ReadOptions = {}
  if (read?.wholePage) chosen.wholePage = true
  if (read?.encoding) chosen.encoding = read.encoding
  return {
    title,
    author: doc.hints.author ?? null,
    published: doc.hints.published ?? null,
    source: doc.hints.source ?? null,
    originalName: name,
    format: parsed.format,
    sha256,
    textSha256: parsed.textSha256,
    bytes,
    chars: doc.text.length,
    words: parsed.words,
    url: doc.hints.url ?? null,
    language: doc.hints.language ?? null,
    // Always set, so that a new version in another format does not keep the old one's.
    encoding: doc.hints.encoding ?? undefined,
    read: Object.keys(chosen).length > 0 ? chosen : undefined
  }
}

/** A document's id: the shortest prefix of its file's checksum (10 characters at least) not in use. */
export function newDocId(sha: string, taken: (id: string) => boolean): string {
  for (let n = 10; n <= 64; n += 2) {
    const id = sha.slice(0, n)
    if (!taken(id)) return id
  }
  throw new Error('Could not allocate a document id.')
}
