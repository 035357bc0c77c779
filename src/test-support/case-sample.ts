import { createHash } from 'node:crypto'
import type { CaseAnnotation, CaseState } from '../core/domain/exchange/bundle/format'
import { gradeRecordId } from '../core/domain/exchange/bundle/reliability-records'

export const sha256 = (b: Uint8Array | string): string =>
  createHash('sha256').update(b).digest('hex')

export const TEXTS = [
  'Averly port halted cranes after ransomware hit the terminal on Monday. Officials named a group.',
  'The port authority said safety systems worked. Operations resumed on Tuesday afternoon.',
  'A blog claims insiders did it. 🚢 Nobody confirms the claim. 𠀀 appears in the name.'
]

const T0 = '2025-03-01T09:00:00.000Z'

const ann = (
  docId: string,
  n: number,
  text: string,
  quote: string,
  tags: string[],
  note: string
): CaseAnnotation => {
  const start = text.indexOf(quote)
  return {
    id: `${docId}.${n}`,
    docId,
    quote: {
      type: 'TextQuoteSelector',
      exact: quote,
      prefix: text.slice(Math.max(0, start - 8), start),
      suffix: text.slice(start + quote.length, start + quote.length + 8)
    },
    position: { type: 'TextPositionSelector', start, end: start + quote.length },
    status: 'anchored',
    color: 'yellow',
    tags,
    note,
    created: T0,
    modified: T0
  }
}

/** The case both laptops start from: three documents, a small codebook, highlights and memos. */
export function baseCase(): CaseState {
  const ids = ['d0a1b2c3d4', 'd1a1b2c3d4', 'd2a1b2c3d4']
  return {
    documents: TEXTS.map((text, i) => ({
      id: ids[i],
      textSha256: sha256(text),
      sha256: sha256(`file ${i}`),
      title: `Document ${i}`,
      author: null,
      published: '2025-03-01',
      source: i === 2 ? 'A blog' : 'Averly Gazette',
      originalName: `doc${i}.html`,
      format: 'html',
      importedAt: T0,
      note: i === 0 ? 'Line one.\nLine two.\nLine three.' : '',
      included: true,
      modified: T0
    })),
    tags: [
      {
        id: 'tactors',
        name: 'Actors',
        parent: null,
        color: '#2563eb',
        description: '',
        modified: T0
      },
      {
        id: 'tgroup',
        name: 'Group',
        parent: 'tactors',
        color: '#db2777',
        description: 'Named groups',
        modified: T0
      },
      {
        id: 'timpact',
        name: 'Impact',
        parent: null,
        color: '#059669',
        description: '',
        modified: T0
      },
      {
        id: 'tclaims',
        name: 'Claims',
        parent: null,
        color: '#d97706',
        description: '',
        modified: T0
      }
    ],
    annotations: [
      ann(ids[0], 1, TEXTS[0], 'halted cranes', ['timpact'], 'Cranes first.\nThen the gates.'),
      ann(ids[0], 2, TEXTS[0], 'named a group', ['tgroup'], ''),
      ann(ids[1], 1, TEXTS[1], 'safety systems worked', ['tclaims'], 'Check.'),
      ann(ids[2], 1, TEXTS[2], 'insiders did it', ['tclaims', 'tactors'], 'Unsourced.')
    ],
    memos: [
      {
        id: 'mtimeline',
        title: 'Timeline',
        text: 'Mon: attack.\nTue: reopened.',
        docIds: [ids[0], ids[1]],
        tagIds: ['timpact'],
        created: T0,
        modified: T0
      }
    ],
    grades: [
      {
        // A grade's id is made from what it grades, as the workspace makes it.
        id: gradeRecordId(ids[2]),
        docIds: [ids[2]],
        annotationIds: [],
        fields: { credibility: 5, subject: 'document' },
        created: T0,
        modified: T0
      }
    ]
  }
}

/** A state as a person sees it, independent of record order and of which laptop named a record. */
export function normalized(s: CaseState): unknown {
  const paths = new Map<string, string>()
  const byId = new Map(s.tags.map((t) => [t.id, t]))
  const pathOf = (id: string, depth = 0): string => {
    const t = byId.get(id)
    if (!t) return `?${id}`
    if (depth > 50) return t.name
    return t.parent ? `${pathOf(t.parent, depth + 1)}/${t.name}` : t.name
  }
  for (const t of s.tags) paths.set(t.id, pathOf(t.id))
  const hash = new Map(s.documents.map((d) => [d.id, d.textSha256]))
  const sort = <T>(xs: T[]): T[] =>
    xs
      .map((x) => JSON.stringify(x))
      .sort()
      .map((x) => JSON.parse(x) as T)
  return {
    documents: sort(
      s.documents.map((d) => ({ h: d.textSha256, title: d.title, source: d.source, note: d.note }))
    ),
    tags: sort(
      s.tags.map((t) => ({ path: paths.get(t.id), color: t.color, description: t.description }))
    ),
    annotations: sort(
      s.annotations.map((a) => ({
        doc: hash.get(a.docId),
        at: [a.position.start, a.position.end, a.quote.exact],
        color: a.color,
        tags: a.tags.map((t) => paths.get(t)),
        note: a.note
      }))
    ),
    memos: sort(
      s.memos.map((m) => ({
        id: m.id,
        title: m.title,
        text: m.text,
        docs: m.docIds.map((d) => hash.get(d)).sort(),
        tags: m.tagIds.map((t) => paths.get(t)).sort()
      }))
    ),
    grades: sort(
      (s.grades ?? []).map((g) => ({
        id: g.id,
        fields: g.fields,
        docs: g.docIds.map((d) => hash.get(d))
      }))
    )
  }
}
