import { useId } from 'react'
import type { GradeFilter } from '../../../shared/grade-filters'
import {
  CREDIBILITY_SCALE,
  RELIABILITY_SCALE,
  type InformationCredibility,
  type SourceReliability
} from '../../../shared/reliability'
import { filterOfKind, withBound, type GradeFilterKind } from './grade-filter-choice'

const KINDS: { value: GradeFilterKind; label: string }[] = [
  { value: 'all', label: 'All passages' },
  { value: 'reliability', label: 'Source reliability' },
  { value: 'credibility', label: 'Information credibility' },
  { value: 'ungraded', label: 'Ungraded only' }
]

/** From–to selects over one scale. */
function Range<V extends string | number>({
  name,
  scale,
  min,
  max,
  onChange
}: {
  name: string
  scale: readonly { value: V; label: string }[]
  min: V
  max: V
  onChange: (end: 'min' | 'max', value: V) => void
}): React.JSX.Element {
  const pick = (raw: string): V =>
    scale.find((l) => String(l.value) === raw)?.value ?? scale[0].value
  const end = (which: 'min' | 'max', word: string, value: V): React.JSX.Element => (
    <label>
      {word}{' '}
      <select
        aria-label={`${name} ${word}`}
        value={String(value)}
        onChange={(e) => onChange(which, pick(e.target.value))}
      >
        {scale.map((l) => (
          <option key={l.value} value={String(l.value)} title={l.label}>
            {l.value}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <>
      {end('min', 'from', min)}
      {end('max', 'to', max)}
    </>
  )
}

/**
 * Shows only the passages whose effective grade is in a range of source reliability (A–F) or of
 * information credibility (1–6), or those not graded at all, as `reliability:A-B`,
 * `credibility:1-3` and `ungraded` do in a search.
 */
export function GradeFilterControl({
  value,
  onChange
}: {
  value: GradeFilter | null
  onChange: (filter: GradeFilter | null) => void
}): React.JSX.Element {
  const legend = useId()
  return (
    <div className="grade-filter" role="group" aria-labelledby={legend}>
      <span id={legend}>Grades</span>
      <select
        aria-label="Show passages by grade"
        value={value?.kind ?? 'all'}
        onChange={(e) => onChange(filterOfKind(e.target.value as GradeFilterKind))}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {value?.kind === 'reliability' && (
        <Range<SourceReliability>
          name="Reliability"
          scale={RELIABILITY_SCALE}
          min={value.min}
          max={value.max}
          onChange={(end, v) => onChange(withBound(value, end, v))}
        />
      )}
      {value?.kind === 'credibility' && (
        <Range<InformationCredibility>
          name="Credibility"
          scale={CREDIBILITY_SCALE}
          min={value.min}
          max={value.max}
          onChange={(end, v) => onChange(withBound(value, end, v))}
        />
      )}
    </div>
  )
}
