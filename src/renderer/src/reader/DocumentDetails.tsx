import type { DocumentMeta } from '../../../shared/model'
import { formatCount, formatDate } from '../format'
import { useDocumentList } from '../hooks/use-workspace'
import { DerivationLinks } from '../reliability/DerivationLinks'
import { FlagChips, GradeBadgeButton } from '../reliability/GradeBadge'
import { useDocumentReliability } from '../reliability/use-grades'
import { useCommands } from '../state/app-context'

/** The reader's list of a document's details, as the library has them now (edits show at once). */
export function DocumentDetails({ meta: opened }: { meta: DocumentMeta }): React.JSX.Element {
  const meta = useDocumentList().find((d) => d.id === opened.id) ?? opened
  const reliability = useDocumentReliability(meta.id)
  const commands = useCommands()
  const edited = (field: keyof NonNullable<DocumentMeta['found']>): string =>
    meta.found && field in meta.found ? ' (edited)' : ''
  const enc = meta.encoding
  const details = [
    meta.source && ['Source', meta.source + edited('source')],
    meta.author && ['Author', meta.author + edited('author')],
    meta.published && ['Published', formatDate(meta.published) + edited('published')],
    // Shown as text, never a link: the workbench fetches nothing.
    meta.url && ['Address', meta.url + edited('url')],
    meta.language && ['Language', meta.language + edited('language')],
    ['File', meta.originalName],
    enc &&
      (enc.guessed || enc.name !== 'utf-8') && [
        'Encoding',
        `Decoded as ${enc.name}${enc.guessed ? ' (guessed)' : ''}`
      ],
    ['Length', formatCount(meta.words, 'word')]
  ].filter(Boolean) as [string, string][]
  const e = reliability?.effective
  return (
    <dl className="reader-meta">
      {details.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      {reliability && e && (
        <div className="reader-grade">
          <dt>Graded</dt>
          <dd>
            <GradeBadgeButton
              reliability={e.reliability}
              credibility={e.credibility}
              badge={e.badge}
              from={
                e.reliabilityFrom === 'document' ? 'this document’s own reliability' : undefined
              }
            />{' '}
            {reliability.source ? `from ${reliability.source.name}` : 'no source'}{' '}
            <button
              type="button"
              className="link-button"
              title="Source and grades (G)"
              onClick={() => commands.openGrades(meta.id)}
            >
              {e.ungraded ? 'Grade…' : 'Change…'}
            </button>
          </dd>
        </div>
      )}
      <DerivationLinks docId={meta.id} />
      {reliability && reliability.record.flags.length > 0 && (
        <div>
          <dt>Flags</dt>
          <dd>
            <FlagChips flags={reliability.record.flags.map((f) => f.kind)} />
          </dd>
        </div>
      )}
    </dl>
  )
}

/** A document's title as the library has it now. */
export function LiveTitle({ meta }: { meta: DocumentMeta }): React.JSX.Element {
  const live = useDocumentList().find((d) => d.id === meta.id)
  return <>{live?.title ?? meta.title}</>
}
