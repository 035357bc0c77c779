import type { Annotation, DocumentMeta } from '../../../shared/model'
import { reanchor } from '../../domain/anchoring/reanchor'
import type { AnnotationFile, AnnotationFiles } from '../../ports'

export interface TextVersionDeps {
  findDocument: (docId: string) => DocumentMeta | undefined
  text: (meta: DocumentMeta) => Promise<{ text: string }>
  warn: (message: string) => void
}

export interface TextVersions {
  /** The annotation files, each read as the text the catalog serves for its document. */
  files: AnnotationFiles
  /** Runs a switch to a new version; meanwhile its file is not taken for one left half done. */
  switching<R>(docId: string, run: () => Promise<R>): Promise<R>
}

/**
 * Highlights kept on the text they were placed on. Replacing a document with a new version saves
 * the moved highlights with the text they belong to (`textSha256`) and those they replace
 * (`previous`), then switches the catalog to the new text, then forgets `previous`. The file thus
 * always holds the positions for the text the catalog serves: if the app stops before the switch,
 * the previous ones are read (and written back by the next change), and the analyst is told the
 * new version was not saved. A file whose text is neither (a catalog put back from an older
 * backup) has its highlights placed again by their quotes.
 */
export function keptOnTheirText(files: AnnotationFiles, deps: TextVersionDeps): TextVersions {
  const inSwitch = new Set<string>()
  const told = new Set<string>()

  /** The file as it belongs on the catalog's text, or null when it does already. */
  async function onCatalogText(file: Readonly<AnnotationFile>): Promise<AnnotationFile | null> {
    if (!file.textSha256 || inSwitch.has(file.docId)) return null
    const meta = deps.findDocument(file.docId)
    if (!meta || meta.textSha256 === file.textSha256) return null
    const once = (message: string): void => {
      if (told.has(file.docId)) return
      told.add(file.docId)
      deps.warn(message)
    }
    const { previous: _old, ...rest } = file
    if (file.previous?.textSha256 === meta.textSha256) {
      once(
        `The new version of "${meta.title}" was not saved (the app stopped while replacing it): the document keeps its previous text, and its highlights are where they were in it.`
      )
      return { ...rest, annotations: file.previous.annotations, textSha256: meta.textSha256 }
    }
    const { text } = await deps.text(meta)
    const { annotations, report } = reanchor(text, file.annotations)
    once(
      `The highlights of "${meta.title}" were placed on another version of its text than the one in the library; they were placed again by their quotes: ${report.anchored + report.moved} found, ${report.orphaned} not found (shown as orphaned).`
    )
    return { ...rest, annotations, textSha256: meta.textSha256 }
  }

  const read = async (file: Readonly<AnnotationFile>): Promise<Readonly<AnnotationFile>> =>
    (await onCatalogText(file)) ?? file

  return {
    files: {
      get: async (docId) => read(await files.get(docId)),
      peek: async (docId) => read(await files.peek(docId)),
      all: async () => Promise.all((await files.all()).map(read)),
      async update(docId, change, topLevelOnly) {
        const fixed = await onCatalogText(await files.get(docId))
        if (!fixed) return files.update(docId, change, topLevelOnly)
        return files.update(docId, (draft) => {
          draft.annotations = fixed.annotations as Annotation[]
          draft.textSha256 = fixed.textSha256
          delete draft.previous
          return change(draft)
        })
      }
    },
    async switching(docId, run) {
      inSwitch.add(docId)
      try {
        return await run()
      } finally {
        inSwitch.delete(docId)
      }
    }
  }
}
