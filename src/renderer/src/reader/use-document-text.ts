import { useEffect, useRef, useState } from 'react'
import type { Annotation, Block, DocumentMeta } from '../../../shared/model'
import { messageOf } from '../api'
import { useResourceStamp } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'
import { TextSections, unreceivedHeight, type RenderedText } from './text-sections'

/** The opening of a text, asked for first: a few screens, so that they are shown at once. */
export const FIRST_PART = 20_000
/** Then the rest, this much at a time, each part after the page has painted the previous one. */
export const NEXT_PART = 500_000

export interface DocumentText {
  meta: DocumentMeta
  /** The text received so far: the whole text's first `text.length` characters. */
  text: string
  /** The length of the whole text. */
  length: number
  complete: boolean
  /** The first block when it is the document's title (shown as the heading, not in the body). */
  titleBlock: Block | null
  /** The body's sections, so far. */
  rendered: RenderedText
  /** The estimated height, in em, of the text not received yet. */
  restHeight: number
  /** Changes when another text starts arriving (not with each part of the same text). */
  generation: number
  /** The highlights in the first part, fetched with it: shown until the full list has arrived. */
  opening: Annotation[]
}

export type TextState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; doc: DocumentText }

/**
 * A document's text, part by part: the opening first, then the rest while the page is idle, so a
 * long text is shown without waiting for all of it to be read, sent and parsed.
 */
export function useDocumentText(id: string): TextState {
  const client = useClient()
  // Changes when a new version of the document is imported.
  const textVersion = useResourceStamp([`text:${id}`])
  const generations = useRef(0)
  const [state, setState] = useState<TextState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    const call = client.call.bind(client)
    // The full list of highlights waits for the first screen (see client/openings.ts).
    const opened = client.openings.start(id)
    const load = async (): Promise<void> => {
      const generation = ++generations.current
      let sections: TextSections | null = null
      let text = ''
      let blocks = 0
      let titleBlock: Block | null = null
      let sha: string | null = null
      // The highlights in the first part, asked for alongside it (a first block longer than the
      // part asked for is rare: the full list paints the rest of it). Failing, the full list
      // brings them.
      const highlights = call('listAnnotations', id, { start: 0, end: FIRST_PART }).catch(
        () => [] as Annotation[]
      )
      let opening: Annotation[] = []
      for (let from = 0; ;) {
        const part = await call('getDocumentPart', id, from, from === 0 ? FIRST_PART : NEXT_PART)
        if (from === 0) opening = await highlights
        if (!live) return
        // A new version imported meanwhile: start again (the new revision will also be asked for).
        if (sha !== null && (part.meta.textSha256 !== sha || part.from !== from)) return load()
        sha = part.meta.textSha256
        text += part.text
        let partBlocks = part.blocks
        if (from === 0) {
          const first = partBlocks[0]
          if (
            first?.kind === 'heading' &&
            text.slice(first.start, first.end).trim() === part.meta.title.trim()
          ) {
            titleBlock = first
            partBlocks = partBlocks.slice(1)
          }
        }
        blocks += partBlocks.length
        // The title is shown as h2: the text's headings move down by as many levels as it did.
        sections ??= new TextSections(titleBlock ? 2 - (titleBlock.level ?? 1) : 2)
        sections.add(text, partBlocks)
        const complete = part.to >= part.length
        const doc: DocumentText = {
          meta: part.meta,
          text,
          length: part.length,
          complete,
          titleBlock,
          rendered: sections.view(text, complete),
          restHeight: unreceivedHeight(part.length - text.length, blocks, text.length),
          generation,
          opening
        }
        setState({ status: 'ready', doc })
        // The next part (and the full list of highlights) once this one is on screen.
        await nextFrame()
        opened()
        if (complete || !live) return
        from = part.to
      }
    }
    load()
      .catch((err: unknown) => live && setState({ status: 'error', message: messageOf(err) }))
      .finally(opened)
    return () => {
      live = false
      opened()
    }
  }, [client, id, textVersion])
  return state
}

/** After the next frame is drawn (or soon, where frames are not drawn: a hidden window). */
const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, 100)
    requestAnimationFrame(() => {
      clearTimeout(timer)
      setTimeout(resolve, 0)
    })
  })
