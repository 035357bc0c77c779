import { useEffect, useState, type ReactNode } from 'react'
import type { Block, DocumentContent } from '../../../shared/model'
import { call, messageOf } from '../api'
import { formatCount, formatDate } from '../format'

interface Props {
  id: string
  onRemove: (id: string, title: string) => void
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; doc: DocumentContent }

/**
 * Shows a document's normalized text as headings, paragraphs and lists. The text is only ever
 * rendered as text nodes, never as HTML. Blocks carry their offsets for anchoring highlights.
 */
export function Reader({ id, onRemove }: Props): React.JSX.Element {
  const [state, setState] = useState<State>({ status: 'loading' })
  useEffect(() => {
    // The parent keys this component by document id, so each document starts in 'loading'.
    let live = true
    call('getDocument', id).then(
      (doc) => live && setState({ status: 'ready', doc }),
      (err: unknown) => live && setState({ status: 'error', message: messageOf(err) })
    )
    return () => {
      live = false
    }
  }, [id])

  if (state.status === 'loading') return <p className="hint reader-loading">Opening…</p>
  if (state.status === 'error')
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    )
  const { meta, text, blocks } = state.doc
  const details = [
    meta.source && ['Source', meta.source],
    meta.author && ['Author', meta.author],
    meta.published && ['Published', formatDate(meta.published)],
    ['File', meta.originalName],
    ['Length', formatCount(meta.words, 'word')]
  ].filter(Boolean) as [string, string][]
  // When the text opens with its own title, that heading is the article's h1 (shown once, still selectable).
  const first = blocks[0]
  const opensWithTitle =
    first?.kind === 'heading' && text.slice(first.start, first.end).trim() === meta.title.trim()
  return (
    <article className="reader" aria-label={meta.title} tabIndex={0}>
      <header className="reader-head">
        {opensWithTitle ? (
          <h1 className="block" data-start={first.start} data-end={first.end}>
            {text.slice(first.start, first.end)}
          </h1>
        ) : (
          <h1>{meta.title}</h1>
        )}
        <dl className="reader-meta">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className="reader-actions">
          <button type="button" onClick={() => onRemove(meta.id, meta.title)}>
            Remove from library…
          </button>
        </div>
      </header>
      <div className="reader-body">
        {renderBlocks(text, opensWithTitle ? blocks.slice(1) : blocks)}
      </div>
    </article>
  )
}

function renderBlocks(text: string, blocks: Block[]): ReactNode[] {
  const out: ReactNode[] = []
  let list: ReactNode[] = []
  const endList = (): void => {
    if (list.length) out.push(<ul key={`ul${out.length}`}>{list}</ul>)
    list = []
  }
  for (const b of blocks) {
    const props = { key: b.start, 'data-start': b.start, 'data-end': b.end, className: 'block' }
    const content = text.slice(b.start, b.end)
    if (b.kind === 'list-item') {
      list.push(
        <li {...props} data-level={b.level ?? 1}>
          {content}
        </li>
      )
      continue
    }
    endList()
    if (b.kind === 'heading') {
      const level = Math.min(6, (b.level ?? 1) + 1)
      const Tag = `h${level}` as 'h2'
      out.push(<Tag {...props}>{content}</Tag>)
    } else if (b.kind === 'quote') out.push(<blockquote {...props}>{content}</blockquote>)
    else if (b.kind === 'preformatted') out.push(<pre {...props}>{content}</pre>)
    else out.push(<p {...props}>{content}</p>)
  }
  endList()
  return out
}
