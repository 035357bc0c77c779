import {
  credibilityLevel,
  PROVENANCE_FLAG_LABELS,
  reliabilityLevel
} from '../../../shared/reliability'
import { blockquote, escapeInline, hashtag, yamlString } from './escape'
import {
  passageCount,
  type ExportDocument,
  type ExportInput,
  type ExportMemo,
  type ExportPassage
} from './model'

function citation(doc: ExportDocument, p: ExportPassage): string {
  const a = p.annotation
  // Cited as a reader finds it: page (PDFs), section and paragraph; the W3C export keeps offsets.
  const where = [
    p.page !== undefined && `p. ${p.page}`,
    p.section && `§ ${escapeInline(p.section)}`,
    `paragraph ${p.paragraph}`
  ]
    .filter(Boolean)
    .join(', ')
  const parts = [
    `— *${escapeInline(doc.meta.title)}*${p.grade ? ` [${p.grade.badge}]` : ''}, ${where}${a.status === 'orphaned' ? ' (orphaned: no longer in the current text)' : ''}`
  ]
  const c = p.corroboration
  if (c?.documents)
    parts.push(
      c.origins === 0
        ? `repeated by ${c.documents} document${c.documents === 1 ? '' : 's'} of its own origin`
        : `corroborated by ${c.origins} independent origin${c.origins === 1 ? '' : 's'}`
    )
  if (p.tagPaths.length) parts.push(p.tagPaths.map(hashtag).join(' '))
  parts.push(a.color)
  return parts.join(' · ')
}

function passage(doc: ExportDocument, p: ExportPassage): string {
  const lines = [blockquote(p.annotation.quote.exact), '', citation(doc, p)]
  if (p.annotation.note.trim()) lines.push('', p.annotation.note.trim())
  return lines.join('\n')
}

/** "B2 — source usually reliable, information probably true" */
function gradeWords(doc: ExportDocument): string | null {
  const g = doc.grade
  if (!g) return null
  const words = [
    g.reliability && `source ${reliabilityLevel(g.reliability).label.toLowerCase()}`,
    g.credibility && `information ${credibilityLevel(g.credibility).label.toLowerCase()}`
  ].filter(Boolean)
  return `${g.badge} — ${words.join(', ')}`
}

function documentDetails(doc: ExportDocument): string {
  const m = doc.meta
  const source = doc.sourceName ?? m.source
  const grade = gradeWords(doc)
  const rows = [
    source && `- Source: ${escapeInline(source)}`,
    grade && `- Graded: ${grade}`,
    doc.flags?.length && `- Flags: ${doc.flags.map((f) => PROVENANCE_FLAG_LABELS[f]).join(', ')}`,
    doc.derivedFrom?.length &&
      `- Derived from: ${doc.derivedFrom.map((d) => ('source' in d ? escapeInline(d.source) : `*${escapeInline(d.title)}*`)).join('; ')}`,
    m.author && `- Author: ${escapeInline(m.author)}`,
    m.published && `- Published: ${escapeInline(m.published)}`,
    m.url && `- Address: ${escapeInline(m.url)}`,
    `- File: ${escapeInline(m.originalName)}`
  ].filter(Boolean)
  return rows.join('\n')
}

function memo(m: ExportMemo, heading: string): string {
  const links = [...m.docTitles.map((t) => `*${escapeInline(t)}*`), ...m.tagPaths.map(hashtag)]
  const lines = [`${heading} ${escapeInline(m.memo.title || 'Untitled memo')}`, '']
  if (links.length) lines.push(`Linked to ${links.join(', ')}`, '')
  if (m.memo.text.trim()) lines.push(m.memo.text.trim())
  return lines.join('\n')
}

/**
 * The annotated notes as Markdown that reads well on its own and in Obsidian: YAML front matter,
 * then per document (or per theme) every passage as a block quote with its citation, tags, colour
 * and note. Text from the sources is escaped; notes are the analyst's own Markdown. Deterministic:
 * the same input gives the same bytes.
 */
export function renderMarkdown(input: ExportInput): string {
  const out: string[] = []
  if (!input.fragment) {
    out.push(
      '---',
      `title: ${yamlString(input.title)}`,
      `exported-at: ${yamlString(input.exportedAt)}`,
      `scope: ${yamlString(input.scope)}`,
      `grouped-by: ${input.groupBy === 'tag' ? 'theme' : 'document'}`,
      `documents: ${input.documents.length}`,
      `passages: ${passageCount(input)}`,
      `memos: ${input.memos.length}`,
      '---',
      '',
      `# ${escapeInline(input.title)}`,
      ''
    )
  }
  const heading = input.fragment ? '#' : '##'
  if (input.memosOnly) {
    for (const m of input.memos) out.push(memo(m, heading), '')
  } else if (input.groupBy === 'doc') {
    for (const doc of input.documents) {
      out.push(
        `${heading} ${escapeInline(doc.meta.title)}${doc.grade ? ` [${doc.grade.badge}]` : ''}`,
        '',
        documentDetails(doc),
        ''
      )
      if (doc.note.trim()) out.push(doc.note.trim(), '')
      for (const p of doc.passages) out.push(passage(doc, p), '')
    }
  } else {
    const byTag = new Map<string, { doc: ExportDocument; p: ExportPassage }[]>()
    const untagged: { doc: ExportDocument; p: ExportPassage }[] = []
    for (const doc of input.documents) {
      for (const p of doc.passages) {
        if (p.tagPaths.length === 0) untagged.push({ doc, p })
        for (const path of p.tagPaths) {
          const items = byTag.get(path)
          if (items) items.push({ doc, p })
          else byTag.set(path, [{ doc, p }])
        }
      }
    }
    // Codebook order; a tag the order does not know (it never drops a passage) comes after, by path.
    const known = new Set(input.tagOrder)
    const order = [...input.tagOrder, ...[...byTag.keys()].filter((t) => !known.has(t)).sort()]
    const sections: [string, { doc: ExportDocument; p: ExportPassage }[]][] = order
      .filter((t) => byTag.has(t))
      .map((t) => [escapeInline(t), byTag.get(t) ?? []])
    if (untagged.length) sections.push(['Untagged', untagged])
    for (const [title, items] of sections) {
      out.push(`${heading} ${title}`, '')
      for (const { doc, p } of items) out.push(passage(doc, p), '')
    }
    // Who said it: each document's details and the analyst's note on it (its reliability, say).
    if (!input.fragment && input.documents.length) {
      out.push(`${heading} Sources`, '')
      for (const doc of input.documents) {
        out.push(
          `${heading}# ${escapeInline(doc.meta.title)}${doc.grade ? ` [${doc.grade.badge}]` : ''}`,
          '',
          documentDetails(doc),
          ''
        )
        if (doc.note.trim()) out.push(doc.note.trim(), '')
      }
    }
  }
  if (!input.memosOnly && input.memos.length) {
    out.push(`${heading} Memos`, '')
    for (const m of input.memos) out.push(memo(m, `${heading}#`), '')
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}
