import type {
  AchAnalysis,
  AchEvidence,
  AchResult,
  HighlightEvidence
} from '../../../shared/analysis'
import { blockquote, escapeInline } from '../export/escape'
import { RATING_SCORE } from './ach-score'
import { csvTable, markdownTable, mdCell } from './tables'

/**
 * An analysis of competing hypotheses as a report: Markdown (the matrix as a table, the ranking,
 * the sensitivity finding, the evidence with citations and grades) and CSV (one line per cell).
 * Hypotheses and rows are numbered H1…, E1… in the analysis's order. Every text, the analyst's
 * included, is escaped: a table cell cannot be broken, and a quote cannot become Markdown.
 */

/** Where a highlighted row comes from, as the caller knows it. */
export interface AchCitation {
  docTitle: string
  start?: number
  end?: number
  /** The badge, such as "B2" (source reliability and credibility). */
  grade?: string
  orphaned?: boolean
}

export interface AchReportInput {
  analysis: AchAnalysis
  result: AchResult
  citeOf?: (row: HighlightEvidence) => AchCitation | undefined
  /** An origin's name (default: its id). */
  originLabel?: (origin: string) => string
}

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const KIND: Record<AchEvidence['kind'], string> = {
  highlight: 'passage',
  assumption: 'assumption',
  absence: 'absence of evidence',
  other: 'item'
}
const shorten = (s: string, n = 100): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat
}

function labels(a: AchAnalysis): { h: Map<string, string>; e: Map<string, string> } {
  return {
    h: new Map(a.hypotheses.map((x, i) => [x.id, `H${i + 1}`])),
    e: new Map(a.evidence.map((x, i) => [x.id, `E${i + 1}`]))
  }
}

const list = (ids: readonly string[], names: Map<string, string>): string =>
  ids.map((id) => names.get(id) ?? id).join(', ')

function matrix(input: AchReportInput, l: ReturnType<typeof labels>): string {
  const { analysis: a, result: r } = input
  const view = new Map(r.rows.map((v) => [v.evidenceId, v]))
  const head = ['Evidence', 'Kind', 'Relevance', 'Cred.', 'Weight', 'Diag.']
  const body = a.evidence.map((e) => {
    const v = view.get(e.id)
    return [
      `${l.e.get(e.id)} ${mdCell(shorten(e.text))}`,
      KIND[e.kind],
      e.relevance,
      v?.credibility ? String(v.credibility) : '–',
      v ? num.format(v.weight) : '',
      v ? String(v.diagnosticity) : '',
      ...a.hypotheses.map((h) => e.cells[h.id]?.rating ?? '·')
    ]
  })
  const score = new Map(r.scores.map((s) => [s.hypothesisId, s.weighted]))
  body.push([
    '**Weighted inconsistency**',
    '',
    '',
    '',
    '',
    '',
    ...a.hypotheses.map((h) => num.format(score.get(h.id) ?? 0))
  ])
  return markdownTable([...head, ...a.hypotheses.map((h) => l.h.get(h.id) as string)], body, 3)
}

function ranking(input: AchReportInput, l: ReturnType<typeof labels>): string[] {
  const { analysis: a, result: r } = input
  const text = new Map(a.hypotheses.map((h) => [h.id, h.text]))
  const byId = new Map(r.scores.map((s) => [s.hypothesisId, s]))
  const lines = r.ranking.map((id, i) => {
    const s = byId.get(id)
    const against = s
      ? s.inconsistent + s.veryInconsistent
        ? `${num.format(s.weighted)} (${s.inconsistent} I, ${s.veryInconsistent} II)`
        : '0 (nothing against it)'
      : ''
    const tied =
      r.sensitivity.leader.length > 1 && r.sensitivity.leader.includes(id) ? ' — tied' : ''
    return `${i + 1}. **${l.h.get(id)}** ${escapeInline(text.get(id) ?? '')}: ${against}${tied}`
  })
  if (r.foldedOrigins) lines.push('', 'Rows of one origin were counted once.')
  return lines
}

function sensitivity(input: AchReportInput, l: ReturnType<typeof labels>): string[] {
  const s = input.result.sensitivity
  const name = input.originLabel ?? ((o: string) => o)
  if (!s.leader.length) return ['No hypotheses yet.']
  const lead = list(s.leader, l.h)
  const out: string[] = []
  if (!s.rows.length && !s.origins.length)
    out.push(`No single row or origin changes the lead of ${lead}.`)
  for (const x of s.rows)
    out.push(
      `- Without ${l.e.get(x.evidenceId)}, ${list(x.leader, l.h)} would lead instead of ${lead}.`
    )
  for (const o of s.origins)
    out.push(
      `- Without the origin ${escapeInline(name(o.origin))} (${list(o.evidenceIds, l.e)}), ${list(o.leader, l.h)} would lead instead of ${lead}.`
    )
  return out
}

function evidence(input: AchReportInput, l: ReturnType<typeof labels>): string[] {
  const { analysis: a, result: r } = input
  const view = new Map(r.rows.map((v) => [v.evidenceId, v]))
  const name = input.originLabel ?? ((o: string) => o)
  const out: string[] = []
  for (const e of a.evidence) {
    const v = view.get(e.id)
    const facts = [KIND[e.kind], `relevance ${e.relevance}`]
    if (v?.credibility) facts.push(`credibility ${v.credibility}`)
    out.push(`### ${l.e.get(e.id)} · ${facts.join(' · ')}`, '')
    if (e.kind === 'highlight') {
      out.push(blockquote(e.text), '')
      const c = input.citeOf?.(e)
      if (c) {
        const where =
          c.start !== undefined && c.end !== undefined ? `, characters ${c.start}–${c.end}` : ''
        const grade = c.grade ? ` · \\[${escapeInline(c.grade)}\\]` : ''
        const orphan = c.orphaned ? ' (orphaned: no longer in the current text)' : ''
        out.push(`— *${escapeInline(c.docTitle)}*${where}${orphan}${grade}`, '')
      }
    } else out.push(escapeInline(e.text), '')
    if (e.credibility)
      out.push(
        `Credibility set to ${e.credibility.value} by the analyst: ${escapeInline(e.credibility.rationale)}`,
        ''
      )
    if (v?.origin)
      out.push(
        `Origin: ${escapeInline(name(v.origin))}${v.sameOrigin.length ? ` (with ${list(v.sameOrigin, l.e)})` : ''}`,
        ''
      )
    const why = a.hypotheses.filter((h) => e.cells[h.id]?.rationale?.trim())
    for (const h of why) {
      const cell = e.cells[h.id]
      out.push(`- ${l.h.get(h.id)} ${cell.rating}: ${escapeInline(cell.rationale as string)}`)
    }
    if (why.length) out.push('')
  }
  return out
}

export function achMarkdown(input: AchReportInput): string {
  const a = input.analysis
  const l = labels(a)
  const out = [`# ${escapeInline(a.title) || 'Untitled analysis'}`, '']
  if (a.question.trim()) out.push(`**Question:** ${escapeInline(a.question)}`, '')
  out.push('## Hypotheses', '')
  a.hypotheses.forEach((h, i) => out.push(`${i + 1}. **H${i + 1}** ${escapeInline(h.text)}`))
  out.push('', '## Matrix', '', matrix(input, l))
  out.push(
    'CC very consistent · C consistent · N neutral · I inconsistent · II very inconsistent · NA not applicable · · not rated.',
    ''
  )
  if (a.evidence.length)
    out.push(`Most diagnostic first: ${list(input.result.diagnosticOrder, l.e)}.`, '')
  out.push('## Ranking', '', 'Least inconsistent first.', '', ...ranking(input, l), '')
  out.push('## Sensitivity', '', ...sensitivity(input, l), '')
  out.push('## Evidence', '', ...evidence(input, l))
  return out.join('\n').replace(/\n+$/, '\n')
}

/** One line per row and hypothesis, rated or not. */
export function achCsv(input: AchReportInput): string {
  const { analysis: a, result: r } = input
  const l = labels(a)
  const view = new Map(r.rows.map((v) => [v.evidenceId, v]))
  const rows: (string | number)[][] = [
    [
      'evidence',
      'evidence_id',
      'kind',
      'text',
      'document',
      'start',
      'end',
      'grade',
      'relevance',
      'credibility',
      'weight',
      'hypothesis',
      'hypothesis_id',
      'hypothesis_text',
      'rating',
      'rationale',
      'score'
    ]
  ]
  for (const e of a.evidence) {
    const v = view.get(e.id)
    const c = e.kind === 'highlight' ? input.citeOf?.(e) : undefined
    for (const h of a.hypotheses) {
      const cell = e.cells[h.id]
      const weight = v?.weight ?? 1
      rows.push([
        l.e.get(e.id) as string,
        e.id,
        e.kind,
        e.text,
        c?.docTitle ?? '',
        c?.start ?? '',
        c?.end ?? '',
        c?.grade ?? '',
        e.relevance,
        v?.credibility ?? '',
        weight,
        l.h.get(h.id) as string,
        h.id,
        h.text,
        cell?.rating ?? '',
        cell?.rationale ?? '',
        cell ? Math.round(weight * RATING_SCORE[cell.rating] * 1e9) / 1e9 + 0 : 0
      ])
    }
  }
  return csvTable(rows)
}
