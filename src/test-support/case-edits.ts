import fc from 'fast-check'
import type { CaseState } from '../core/domain/exchange/bundle/format'
import { HIGHLIGHT_COLORS } from '../shared/model'
import { TEXTS } from './case-sample'

/** Edits an analyst makes on one laptop, as the workbench would record them (with change times). */
export type Edit =
  | { op: 'note'; ann: number; line: number; text: string }
  | { op: 'color'; ann: number; color: number }
  | { op: 'tag'; ann: number; tag: number }
  | { op: 'untag'; ann: number; tag: number }
  | { op: 'delete'; ann: number }
  | { op: 'highlight'; doc: number; start: number; length: number }
  | { op: 'rename'; tag: number; name: string }
  | { op: 'newTag'; name: string; parent: number }
  | { op: 'deleteTag'; tag: number }
  | { op: 'docNote'; doc: number; line: number; text: string }
  | { op: 'memo'; line: number; text: string }
  | { op: 'grade'; value: number }

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'new line', '')
export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('note' as const), ann: fc.nat(9), line: fc.nat(3), text: word }),
  fc.record({ op: fc.constant('color' as const), ann: fc.nat(9), color: fc.nat(4) }),
  fc.record({ op: fc.constant('tag' as const), ann: fc.nat(9), tag: fc.nat(9) }),
  fc.record({ op: fc.constant('untag' as const), ann: fc.nat(9), tag: fc.nat(9) }),
  fc.record({ op: fc.constant('delete' as const), ann: fc.nat(9) }),
  fc.record({
    op: fc.constant('highlight' as const),
    doc: fc.nat(2),
    start: fc.nat(60),
    length: fc.integer({ min: 1, max: 20 })
  }),
  fc.record({
    op: fc.constant('rename' as const),
    tag: fc.nat(9),
    name: fc.constantFrom('Actors', 'People', 'Impact', 'Effects')
  }),
  fc.record({
    op: fc.constant('newTag' as const),
    name: fc.constantFrom('Motive', 'Timeline', 'Group'),
    parent: fc.integer({ min: -1, max: 5 })
  }),
  fc.record({ op: fc.constant('deleteTag' as const), tag: fc.nat(9) }),
  fc.record({ op: fc.constant('docNote' as const), doc: fc.nat(2), line: fc.nat(3), text: word }),
  fc.record({ op: fc.constant('memo' as const), line: fc.nat(2), text: word }),
  fc.record({ op: fc.constant('grade' as const), value: fc.integer({ min: 1, max: 6 }) })
)

const editLine = (text: string, line: number, value: string): string => {
  const lines = text === '' ? [] : text.split('\n')
  if (line < lines.length) lines[line] = value
  else lines.push(value)
  return lines.join('\n')
}

/** The state after the edits, made by `side` (its ids) with its own clock: one edit a second from `start`. */
export function applyEdits(
  state: CaseState,
  edits: readonly Edit[],
  side: string,
  start: number
): CaseState {
  const s: CaseState = structuredClone(state)
  let clock = start
  let n = 0
  for (const e of edits) {
    const now = new Date((clock += 1000)).toISOString()
    const a = s.annotations.length
      ? s.annotations[('ann' in e ? e.ann : 0) % s.annotations.length]
      : undefined
    const t = s.tags.length ? s.tags[('tag' in e ? e.tag : 0) % s.tags.length] : undefined
    const touch = (
      r: { modified: string; times?: Record<string, string | undefined> },
      field: string
    ): void => {
      r.modified = now
      r.times = { ...r.times, [field]: now }
    }
    switch (e.op) {
      case 'note':
        if (a) {
          a.note = editLine(a.note, e.line, e.text)
          touch(a, 'note')
        }
        break
      case 'color':
        if (a) {
          a.color = HIGHLIGHT_COLORS[e.color]
          touch(a, 'color')
        }
        break
      case 'tag':
        if (a && t && !a.tags.includes(t.id)) {
          a.tags.push(t.id)
          touch(a, 'tags')
        }
        break
      case 'untag':
        if (a && t && a.tags.includes(t.id)) {
          a.tags = a.tags.filter((x) => x !== t.id)
          touch(a, 'tags')
        }
        break
      case 'delete':
        if (a) s.annotations = s.annotations.filter((x) => x !== a)
        break
      case 'highlight': {
        const doc = s.documents[e.doc]
        const text = TEXTS[e.doc]
        const from = Math.min(e.start, text.length - 1)
        const to = Math.min(text.length, from + e.length)
        if (/[\udc00-\udfff]/.test(text[from] ?? '') || /[\ud800-\udbff]/.test(text[to - 1] ?? ''))
          break
        const id = `${doc.id}.${side}${++n}`
        s.annotations.push({
          id,
          docId: doc.id,
          quote: { type: 'TextQuoteSelector', exact: text.slice(from, to), prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: from, end: to },
          status: 'anchored',
          color: 'yellow',
          tags: [],
          note: '',
          created: now,
          modified: now
        })
        break
      }
      case 'rename':
        if (t) {
          t.name = e.name
          touch(t, 'name')
        }
        break
      case 'newTag': {
        const parent = e.parent >= 0 && s.tags.length ? s.tags[e.parent % s.tags.length].id : null
        s.tags.push({
          id: `t${side}${++n}`,
          name: e.name,
          parent,
          color: '#7c3aed',
          description: '',
          modified: now
        })
        break
      }
      case 'deleteTag':
        if (t) {
          // As the workbench does: the tag and the tags under it go, and come off every highlight and memo.
          const gone = new Set([t.id])
          for (let grew = true; grew;) {
            grew = false
            for (const x of s.tags)
              if (x.parent && gone.has(x.parent) && !gone.has(x.id)) {
                gone.add(x.id)
                grew = true
              }
          }
          s.tags = s.tags.filter((x) => !gone.has(x.id))
          for (const x of s.annotations)
            if (x.tags.some((id) => gone.has(id))) {
              x.tags = x.tags.filter((id) => !gone.has(id))
              touch(x, 'tags')
            }
          for (const m of s.memos)
            if (m.tagIds.some((id) => gone.has(id))) {
              m.tagIds = m.tagIds.filter((id) => !gone.has(id))
              touch(m, 'tagIds')
            }
        }
        break
      case 'docNote': {
        const d = s.documents[e.doc]
        d.note = editLine(d.note, e.line, e.text)
        touch(d, 'note')
        break
      }
      case 'memo': {
        const m = s.memos[0]
        if (m) {
          m.text = editLine(m.text, e.line, e.text)
          touch(m, 'text')
        }
        break
      }
      case 'grade': {
        const g = s.grades?.[0]
        if (g) {
          g.fields = { ...g.fields, credibility: e.value }
          touch(g, 'credibility')
        }
        break
      }
    }
  }
  return s
}
