import { useState, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import { cutForPreview, splitFrontMatter } from './markdown-preview'

/**
 * How Markdown is shown in the preview. Nothing in it can reach outside the app: raw HTML is
 * dropped (react-markdown never renders it), a link is its text with the address beside it, not
 * something to click, and an image is its description, never loaded (the page's CSP would block
 * it anyway). Headings start at h3, under the dialog's own.
 */
const COMPONENTS: Components = {
  a: ({ children, href }) => (
    <span className="md-link" title={href}>
      {children}
      {href ? <span className="md-url"> ({href})</span> : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="md-image" title={src}>
      [image: {alt || 'no description'}]
    </span>
  ),
  h1: ({ children }) => <h3 className="md-h1">{children}</h3>,
  h2: ({ children }) => <h4 className="md-h2">{children}</h4>,
  h3: ({ children }) => <h5 className="md-h3">{children}</h5>,
  h4: ({ children }) => <h6 className="md-h4">{children}</h6>,
  h5: ({ children }) => <h6 className="md-h5">{children}</h6>,
  h6: ({ children }) => <h6 className="md-h6">{children}</h6>
}

function Rendered({ markdown }: { markdown: string }): ReactNode {
  const { front, body } = splitFrontMatter(markdown)
  return (
    <div className="markdown" tabIndex={0}>
      {front.length > 0 && (
        <dl className="front-matter">
          {front.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Markdown skipHtml components={COMPONENTS}>
        {body}
      </Markdown>
    </div>
  )
}

/** The preview of an export: Markdown rendered (or as text, with "Show Markdown"), other formats as text. */
export function ExportPreview({
  content,
  markdown,
  summary
}: {
  content: string
  markdown: boolean
  /** What the export holds ("2 documents, 5 passages · file.md"), said beside the toggle. */
  summary: ReactNode
}): React.JSX.Element {
  const [raw, setRaw] = useState(false)
  const text = cutForPreview(content)
  return (
    <>
      <div className="preview-tools">
        <p className="hint" aria-live="polite">
          {summary}
        </p>
        {markdown && (
          <button type="button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
            Show Markdown
          </button>
        )}
      </div>
      <section className="preview" aria-label="Preview">
        {markdown && !raw ? <Rendered markdown={text} /> : <pre tabIndex={0}>{text}</pre>}
      </section>
    </>
  )
}
