import { mainRelationships, type PartReader } from './docx-parts'

/** Word's list numbering written into the text, as Word shows it ("1.", "a)", "(iii)", "2.1"). */

interface Level {
  format: string
  text: string
  start: number
}

/**
 * The main part with each numbered paragraph's number written at its start, as Word shows it
 * ("1.", "a)", "(iii)", "2.1"): mammoth keeps lists, not their numbers. Bullets get none (the list
 * item says enough). Null when the document has no numbering.
 */
export async function numberLists(parts: PartReader, main: string): Promise<string | null> {
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''
  let numberingName = `${folder || 'word'}/numbering.xml`
  let stylesName = `${folder || 'word'}/styles.xml`
  for (const rel of await mainRelationships(parts, main)) {
    if (rel.type.endsWith('/numbering')) numberingName = rel.target
    if (rel.type.endsWith('/styles')) stylesName = rel.target
  }
  if (!parts.exists(numberingName)) return null
  const numbering = new TextDecoder().decode(await parts.read(numberingName))
  const abstracts = new Map<string, Map<number, Level>>()
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>()
  for (const m of numbering.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g
  )) {
    const levels = new Map<number, Level>()
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const val = (tag: string): string | undefined =>
        new RegExp(`<w:${tag}\\b[^>]*w:val="([^"]*)"`).exec(l[2])?.[1]
      levels.set(Number(l[1]), {
        format: val('numFmt') ?? 'decimal',
        text: val('lvlText') ?? '',
        start: Number(val('start') ?? 1)
      })
    }
    abstracts.set(m[1], levels)
  }
  for (const m of numbering.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId\b[^>]*w:val="([^"]+)"/.exec(m[2])?.[1]
    if (abstract === undefined) continue
    const starts = new Map<number, number>()
    for (const o of m[2].matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g
    )) {
      const start = /<w:startOverride\b[^>]*w:val="(\d+)"/.exec(o[2])?.[1]
      if (start !== undefined) starts.set(Number(o[1]), Number(start))
    }
    nums.set(m[1], { abstract, starts })
  }
  if (nums.size === 0) return null

  // Paragraph styles that carry numbering (numbered headings).
  const styleNumbering = new Map<string, { numId: string; level: number }>()
  if (parts.exists(stylesName)) {
    const styles = new TextDecoder().decode(await parts.read(stylesName))
    for (const s of styles.matchAll(
      /<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g
    )) {
      const numId = /<w:numId\b[^>]*w:val="([^"]+)"/.exec(s[2])?.[1]
      if (numId === undefined) continue
      const level = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(s[2])?.[1] ?? 0)
      styleNumbering.set(s[1], { numId, level })
    }
  }

  const counters = new Map<string, number[]>()
  const restarted = new Set<string>()
  const xml = new TextDecoder().decode(await parts.read(main))
  let changed = false
  const out = xml.replace(
    /<w:p((?:\s[^>]*?)?)(?<!\/)>([\s\S]*?)<\/w:p>/g,
    (whole, attrs: string, inner: string) => {
      const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)
      const props = pPr?.[1] ?? ''
      let numId = /<w:numId\b[^>]*w:val="([^"]+)"/.exec(props)?.[1]
      let level = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(props)?.[1] ?? 0)
      if (numId === undefined) {
        const style = /<w:pStyle\b[^>]*w:val="([^"]+)"/.exec(props)?.[1]
        const fromStyle = style ? styleNumbering.get(style) : undefined
        if (!fromStyle) return whole
        numId = fromStyle.numId
        level = fromStyle.level
      }
      // A deleted paragraph (tracked change) is not counted.
      if (/<w:rPr>[\s\S]*?<w:del\b/.test(props)) return whole
      const num = nums.get(numId)
      const levels = num && abstracts.get(num.abstract)
      if (!num || !levels || numId === '0') return whole
      const counter = counters.get(num.abstract) ?? []
      counters.set(num.abstract, counter)
      if (!restarted.has(numId)) {
        restarted.add(numId)
        for (const [l, start] of num.starts) counter[l] = start - 1
      }
      const lvl = levels.get(level)
      counter[level] = (counter[level] ?? (lvl?.start ?? 1) - 1) + 1
      counter.length = level + 1
      if (!lvl || lvl.format === 'bullet' || lvl.format === 'none') return whole
      const label = lvl.text.replace(/%(\d)/g, (_, d: string) => {
        const l = Number(d) - 1
        const value = counter[l] ?? levels.get(l)?.start ?? 1
        return formatNumber(value, levels.get(l)?.format ?? 'decimal')
      })
      if (!label.trim()) return whole
      changed = true
      const runXml = `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`
      const at = pPr ? pPr.index + pPr[0].length : 0
      return `<w:p${attrs}>${inner.slice(0, at)}${runXml}${inner.slice(at)}</w:p>`
    }
  )
  return changed ? out : null
}

export const escapeXml = (s: string): string =>
  s.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperRoman':
      return roman(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    default:
      return String(n)
  }
}

/** a, b, … z, aa, bb, … as Word counts. */
function letters(n: number): string {
  if (n < 1) return String(n)
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n)
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I']
  ]
  let out = ''
  for (const [v, s] of table)
    while (n >= v) {
      out += s
      n -= v
    }
  return out
}
