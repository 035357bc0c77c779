import { describe, expect, it } from 'vitest'
import { csvCell } from './csv'

/** Splits one CSV line as a spreadsheet does with a given separator (RFC 4180 quotes). */
function cells(line: string, sep: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"'
      i++
    } else if (c === '"') quoted = !quoted
    else if (!quoted && c === sep) {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  "x;=cmd|' /C calc'!A0",
  'x,=1+1',
  'x\t=1+1',
  '+1',
  '-1+2',
  '@SUM(A1)',
  '  =1+1',
  '\u3000=1+1',
  '＝1+1',
  '＋1',
  '＠SUM(A1)',
  '\r=1',
  '\n=1'
]

describe('CSV cells', () => {
  it.each(ATTACKS)('%j never starts a cell with a formula, whatever the separator', (attack) => {
    const line = ['title', csvCell(attack), csvCell(3)].join(',')
    for (const sep of [',', ';', '\t']) {
      for (const cell of cells(line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, sep), sep))
        expect(cell.trimStart()).not.toMatch(/^[=+\-@＝＋－＠]/)
    }
  })

  it('keeps ordinary text and numbers as they are', () => {
    expect(csvCell('Port of Averly')).toBe('Port of Averly')
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"')
    expect(csvCell('a\x1b[31mb')).toBe('a[31mb')
  })
})
