import { useId, useState } from 'react'
import type { DocumentMeta } from '../../../shared/model'
import {
  CREDIBILITY_SCALE,
  RELIABILITY_SCALE,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type Grade,
  type InformationCredibility,
  type ScaleLevel,
  type SourceKind,
  type SourceReliability
} from '../../../shared/reliability'
import { messageOf } from '../api'
import { formatDate } from '../format'
import { useClient } from '../state/app-context'
import { VIEW_NAMES } from '../state/ui-state'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { useDocumentReliability, useSources } from './use-grades'

/** One scale as radio buttons, each level with its wording; "Not graded" first. */
function Scale<V extends string | number>({
  legend,
  scale,
  value,
  onChange
}: {
  legend: string
  scale: readonly ScaleLevel<V>[]
  value: V | null
  onChange: (value: V | null) => void
}): React.JSX.Element {
  const name = useId()
  return (
    <fieldset className="grade-scale">
      <legend>{legend}</legend>
      <label className="grade-level">
        <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
        <span className="grade-value">–</span>
        <span className="grade-words">Not graded</span>
      </label>
      {scale.map((level) => (
        <label key={level.value} className="grade-level">
          <input
            type="radio"
            name={name}
            checked={value === level.value}
            onChange={() => onChange(level.value)}
          />
          <span className="grade-value">{level.value}</span>
          <span className="grade-words">
            {level.label}
            <span className="grade-meaning">{level.meaning}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** Earlier grades, newest first: value, who, when, why. */
function History<V>({ grades }: { grades: readonly Grade<V>[] }): React.JSX.Element | null {
  if (grades.length === 0) return null
  return (
    <details className="grade-history">
      <summary>Earlier grades ({grades.length})</summary>
      <ul>
        {[...grades].reverse().map((g) => (
          <li key={g.setAt + String(g.value)}>
            <strong>{String(g.value)}</strong> by {g.setBy}, {formatDate(g.setAt)}
            {g.rationale && <> — {g.rationale}</>}
          </li>
        ))}
      </ul>
    </details>
  )
}

/**
 * A document's source and Admiralty grades: which source it is from (proposed at import, or
 * typed: a new name makes a new source), how reliable that source is (A–F, inherited by all its
 * documents), how credible this document is (1–6), and — with a rationale — a reliability of its
 * own in place of its source's. Each grade keeps who set it, when and why; earlier ones are listed.
 */
export function GradeDialog({
  meta,
  onClose
}: {
  meta: DocumentMeta
  onClose: () => void
}): React.JSX.Element | null {
  const current = useDocumentReliability(meta.id)
  if (!current) return null
  return <GradeForm key={meta.id} meta={meta} current={current} onClose={onClose} />
}

function GradeForm({
  meta,
  current,
  onClose
}: {
  meta: DocumentMeta
  current: NonNullable<ReturnType<typeof useDocumentReliability>>
  onClose: () => void
}): React.JSX.Element {
  const client = useClient()
  const sources = useSources()
  const listId = useId()
  const { source, record } = current
  const [sourceName, setSourceName] = useState(source?.name ?? '')
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'unknown')
  const [reliability, setReliability] = useState<SourceReliability | null>(
    source?.reliability.current?.value ?? null
  )
  const [sourceWhy, setSourceWhy] = useState('')
  const [credibility, setCredibility] = useState<InformationCredibility | null>(
    record.credibility.current?.value ?? null
  )
  const [credibilityWhy, setCredibilityWhy] = useState('')
  const override = record.reliabilityOverride.current
  const [overriding, setOverriding] = useState(override !== null)
  const [own, setOwn] = useState<SourceReliability | null>(override?.value ?? null)
  const [ownWhy, setOwnWhy] = useState(override?.rationale ?? '')
  const [error, setError] = useState<string | null>(null)
  const docCount = sources.find((s) => s.id === source?.id)?.documents.length ?? 0

  const save = async (close: () => void): Promise<void> => {
    setError(null)
    try {
      const name = sourceName.trim()
      // The source as it is after the first step: the document's answer names it (a new one too).
      let chosen = source
      if (name !== (source?.name ?? '')) {
        const r = await client.perform(
          `set the source of “${meta.title}”`,
          VIEW_NAMES.library,
          'setDocumentSource',
          meta.id,
          name || null
        )
        chosen = r.source
      }
      if (chosen && kind !== chosen.kind)
        await client.perform(
          `change the kind of “${chosen.name}”`,
          VIEW_NAMES.library,
          'updateSource',
          chosen.id,
          { kind }
        )
      if (chosen && reliability !== (chosen.reliability.current?.value ?? null))
        await client.perform(
          `grade “${chosen.name}”`,
          VIEW_NAMES.library,
          'gradeSource',
          chosen.id,
          reliability,
          sourceWhy
        )
      const patch: {
        credibility?: InformationCredibility | null
        reliability?: SourceReliability | null
      } = {}
      if (credibility !== (record.credibility.current?.value ?? null))
        patch.credibility = credibility
      const ownNow = overriding ? own : null
      if (
        ownNow !== (override?.value ?? null) ||
        (ownNow && ownWhy.trim() !== (override?.rationale ?? ''))
      )
        patch.reliability = ownNow
      if (Object.keys(patch).length > 0)
        await client.perform(
          `grade “${meta.title}”`,
          VIEW_NAMES.library,
          'gradeDocument',
          meta.id,
          patch,
          patch.reliability ? ownWhy : credibilityWhy
        )
      close()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  return (
    <Dialog label="Source and grades" className="details-dialog grade-dialog" onClose={onClose}>
      {(close) => (
        <form
          className="details-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save(close)
          }}
        >
          <h2>Source and grades</h2>
          <p className="hint">“{meta.title}”</p>
          <div className="grade-row">
            <label className="field">
              Source
              <input
                list={listId}
                value={sourceName}
                placeholder="Outlet, agency or author"
                onChange={(e) => setSourceName(e.target.value)}
              />
            </label>
            <datalist id={listId}>
              {sources.map((s) => (
                <option key={s.id} value={s.name} />
              ))}
            </datalist>
            <label className="field">
              Kind
              <select value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
                {SOURCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {SOURCE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="field-hint">
            A new name makes a new source. A source’s reliability holds for every document from it
            {docCount > 1 ? ` (${docCount} in the library)` : ''}.
          </p>
          <div className="grade-columns">
            <div>
              <Scale
                legend="Source reliability"
                scale={RELIABILITY_SCALE}
                value={reliability}
                onChange={setReliability}
              />
              <label className="field">
                Why (optional)
                <input value={sourceWhy} onChange={(e) => setSourceWhy(e.target.value)} />
              </label>
              {source && <History grades={source.reliability.history} />}
            </div>
            <div>
              <Scale
                legend="Information credibility of this document"
                scale={CREDIBILITY_SCALE}
                value={credibility}
                onChange={setCredibility}
              />
              <label className="field">
                Why (optional)
                <input value={credibilityWhy} onChange={(e) => setCredibilityWhy(e.target.value)} />
              </label>
              <History grades={record.credibility.history} />
            </div>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={overriding}
              onChange={(e) => setOverriding(e.target.checked)}
            />{' '}
            This document is more or less reliable than its source
          </label>
          {overriding && (
            <div className="grade-override">
              <label className="field">
                Its own reliability
                <select
                  value={own ?? ''}
                  onChange={(e) => setOwn((e.target.value || null) as SourceReliability | null)}
                >
                  <option value="">choose…</option>
                  {RELIABILITY_SCALE.map((l) => (
                    <option key={l.value} value={l.value}>
                      {l.value} — {l.label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                Why (needed)
                <input value={ownWhy} onChange={(e) => setOwnWhy(e.target.value)} />
              </label>
            </div>
          )}
          <DialogFooter error={error} submit="Save" onCancel={close} />
        </form>
      )}
    </Dialog>
  )
}
