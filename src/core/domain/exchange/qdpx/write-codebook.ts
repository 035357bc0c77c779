import {
  CREDIBILITY_NAMES,
  CREDIBILITY_SET,
  FLAG_PREFIX,
  VARIABLES,
  type QdaCode,
  type QdaDocument
} from './project'
import type { XmlWriter } from './xml-writer'

/** The codebook and the document variables, as project.qde writes them. */

/** A colour as QDA-XML writes it (#RRGGBB or #RGB), or nothing. */
const rgb = (c: string): string | undefined =>
  /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(c) ? c : undefined

export const isCredibility = (n: number | null | undefined): n is number =>
  Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 6

export const credibilityCodeId = (n: number): string => `credibility-${n}`

export function writeCodebook(
  w: XmlWriter,
  codes: readonly QdaCode[],
  guid: (kind: string, id: string) => string,
  credibility: boolean,
  memosOf: (tagId: string) => string[]
): void {
  if (!codes.length && !credibility) return
  const children = new Map<string | null, QdaCode[]>()
  const ids = new Set(codes.map((c) => c.id))
  for (const c of codes) {
    const parent = c.parent !== null && ids.has(c.parent) ? c.parent : null
    const list = children.get(parent)
    if (list) list.push(c)
    else children.set(parent, [c])
  }
  const written = new Set<string>()
  const code = (c: QdaCode): void => {
    if (written.has(c.id)) return // a cycle, never written by us
    written.add(c.id)
    const attrs = { guid: guid('code', c.id), name: c.name, isCodable: true, color: rgb(c.color) }
    const kids = children.get(c.id) ?? []
    const memos = memosOf(c.id)
    if (!c.description && !kids.length && !memos.length) return void w.empty('Code', attrs)
    w.open('Code', attrs)
    if (c.description) w.text('Description', c.description)
    for (const m of memos) w.empty('NoteRef', { targetGUID: guid('note', `memo:${m}`) })
    for (const k of kids) code(k)
    w.close('Code')
  }
  w.open('CodeBook').open('Codes')
  for (const c of children.get(null) ?? []) code(c)
  if (credibility) {
    w.open('Code', { guid: guid('code', 'credibility'), name: CREDIBILITY_SET, isCodable: false })
    w.text(
      'Description',
      'Credibility of the information in a passage, on the Admiralty scale 1–6.'
    )
    CREDIBILITY_NAMES.forEach((name, i) =>
      w.empty('Code', {
        guid: guid('code', credibilityCodeId(i + 1)),
        name: `${i + 1} – ${name}`,
        isCodable: true
      })
    )
    w.close('Code')
  }
  w.close('Codes').close('CodeBook')
}

type VariableType = 'Text' | 'Integer' | 'Boolean'
interface Value {
  name: string
  element: 'TextValue' | 'IntegerValue' | 'BooleanValue'
  value: string
}

export function documentValues(doc: QdaDocument): Value[] {
  const d = doc.details
  const out: Value[] = []
  const text = (name: string, v: string | null | undefined): void => {
    if (v) out.push({ name, element: 'TextValue', value: v })
  }
  text(VARIABLES.author, d.author)
  text(VARIABLES.published, d.published)
  text(VARIABLES.source, d.source)
  text(VARIABLES.reliability, d.reliability)
  if (isCredibility(d.credibility))
    out.push({ name: VARIABLES.credibility, element: 'IntegerValue', value: String(d.credibility) })
  for (const f of new Set(d.flags ?? []))
    out.push({ name: FLAG_PREFIX + f, element: 'BooleanValue', value: 'true' })
  return out
}

export function variablesInUse(
  docs: readonly QdaDocument[]
): { name: string; type: VariableType }[] {
  const seen = new Map<string, VariableType>()
  const types: Record<Value['element'], VariableType> = {
    TextValue: 'Text',
    IntegerValue: 'Integer',
    BooleanValue: 'Boolean'
  }
  for (const doc of docs)
    for (const v of documentValues(doc)) if (!seen.has(v.name)) seen.set(v.name, types[v.element])
  return [...seen].map(([name, type]) => ({ name, type }))
}
