import { MAX_TAG_DEPTH, TAG_PALETTE } from '../../codebook/tree'
import { CREDIBILITY_SET, type QdaCode } from './project'
import { attr, child, childText, children, guidKey, refs, type Element } from './xml-dom'

/** Codes nested deeper than this are left out (a hostile file could nest them without end). */
const MAX_DEPTH = MAX_TAG_DEPTH

export interface ReadCodes {
  codes: QdaCode[]
  /** Code GUID → our code id; credibility codes are not in it. */
  byGuid: Map<string, string>
  /** GUID of each code of the passage credibility set → the grade 1–6. */
  credibility: Map<string, number>
  /** Memos (note GUIDs) linked to codes: note GUID → code ids. */
  noteLinks: Map<string, string[]>
}

/** #RGB or #RRGGBB as #rrggbb; anything else is not a colour we can use. */
export function normalizeColor(c: string | undefined): string | undefined {
  const m = c?.trim().match(/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/)
  if (!m) return undefined
  const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1]
  return `#${hex.toLowerCase()}`
}

/** The codebook of the project, and the passage credibility set if the project has ours. */
export function readCodes(root: Element, skipped: string[]): ReadCodes {
  const credibility = new Map<string, number>()
  for (const set of children(child(root, 'Sets') ?? root, 'Set')) {
    if (attr(set, 'name') !== CREDIBILITY_SET) continue
    for (const g of refs(set, 'MemberCode')) credibility.set(g, 0)
  }
  const codes: QdaCode[] = []
  const byGuid = new Map<string, string>()
  const noteLinks = new Map<string, string[]>()
  const codeRoot = child(child(root, 'CodeBook') ?? root, 'Codes')
  if (!codeRoot) return { codes, byGuid, credibility, noteLinks }

  // Depth-first, with an explicit stack: [element, parent id, depth].
  const stack: [Element, string | null, number][] = children(codeRoot, 'Code')
    .reverse()
    .map((c) => [c, null, 1])
  while (stack.length) {
    const [el, parent, depth] = stack.pop() as [Element, string | null, number]
    const name = (attr(el, 'name') ?? '').trim()
    const guid = guidKey(attr(el, 'guid'))
    if (!guid) {
      skipped.push(`The code “${name || '(unnamed)'}” was skipped: it has no GUID.`)
      continue
    }
    if (credibility.has(guid)) {
      const n = Number(name.match(/^\s*([1-6])\b/)?.[1] ?? 0)
      if (n) credibility.set(guid, n)
      else credibility.delete(guid)
      if (n) continue
    }
    const kids = children(el, 'Code')
    const isCredibilityGroup =
      name === CREDIBILITY_SET &&
      kids.length > 0 &&
      kids.every((k) => credibility.has(guidKey(attr(k, 'guid')) ?? ''))
    if (isCredibilityGroup) {
      for (const k of kids.reverse()) stack.push([k, parent, depth + 1])
      continue
    }
    if (byGuid.has(guid)) {
      skipped.push(`The code “${name}” was skipped: its GUID is used by another code.`)
      continue
    }
    if (depth > MAX_DEPTH) {
      skipped.push(
        `The code “${name}” and the codes below it were skipped: they are nested more than ${MAX_DEPTH} deep.`
      )
      continue
    }
    const id = guid
    byGuid.set(guid, id)
    codes.push({
      id,
      name: name || 'Unnamed code',
      parent,
      color: normalizeColor(attr(el, 'color')) ?? TAG_PALETTE[codes.length % TAG_PALETTE.length],
      description: childText(el, 'Description').trim()
    })
    for (const note of refs(el, 'NoteRef'))
      noteLinks.set(note, [...(noteLinks.get(note) ?? []), id])
    for (const k of kids.reverse()) stack.push([k, id, depth + 1])
  }
  for (const [g, n] of credibility) if (n === 0) credibility.delete(g)
  return { codes, byGuid, credibility, noteLinks }
}
