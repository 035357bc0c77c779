import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { PORT_TEXT, sampleProject } from '../../../../test-support/qda-sample'
import { qdaSchemaErrors } from '../../../../test-support/xsd'
import { writeQdpx } from './write-qdpx'
import { renderProject } from './write-project'

const attrOf = (xml: string, guidLike: RegExp, name: string): string[] =>
  [...xml.matchAll(guidLike)].map((m) => m[0].match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? '')

describe('QDA-XML export', () => {
  it('is valid against the QDA-XML 1.0 schema', async () => {
    const { xml, skipped } = renderProject(sampleProject(), { workspaceId: 'ws-test' })
    expect(skipped).toEqual([])
    expect(await qdaSchemaErrors(xml)).toEqual([])
  })

  it('is valid with nothing in it but its name, and with a codebook only', async () => {
    const empty = { name: 'Empty', users: [], documents: [], codes: [], highlights: [], memos: [] }
    expect(await qdaSchemaErrors(renderProject(empty).xml)).toEqual([])
    const codes = { ...empty, codes: sampleProject().codes }
    expect(await qdaSchemaErrors(renderProject(codes).xml)).toEqual([])
  })

  it('counts positions in code points: an emoji or a CJK Extension B ideograph is one', () => {
    const { xml } = renderProject(sampleProject())
    const selections = [...xml.matchAll(/<PlainTextSelection [^>]*>/g)].map((m) => m[0])
    const positions = selections.map((s) => [
      Number(s.match(/startPosition="(\d+)"/)?.[1]),
      Number(s.match(/endPosition="(\d+)"/)?.[1])
    ])
    const cps = Array.from(PORT_TEXT)
    const quote = (start: number, end: number): string => cps.slice(start, end).join('')
    expect(quote(positions[0][0], positions[0][1])).toBe('cranes 🚢 after')
    expect(quote(positions[1][0], positions[1][1])).toBe('𠀀𠀁 Group')
    expect(quote(positions[2][0], positions[2][1])).toBe('reopened')
    // In UTF-16 the last one starts three units later than in code points (one emoji, two ideographs).
    expect(PORT_TEXT.indexOf('reopened') - positions[2][0]).toBe(3)
  })

  it('gives the same GUIDs on every export, and different ones for another workspace', () => {
    const guids = (ws: string): string[] =>
      attrOf(
        renderProject(sampleProject(), { workspaceId: ws }).xml,
        /<[A-Za-z]+ guid="[^"]+"/g,
        'guid'
      )
    const first = guids('ws-1')
    expect(first.length).toBeGreaterThan(15)
    expect(new Set(first).size).toBe(first.length)
    expect(guids('ws-1')).toEqual(first)
    expect(guids('ws-2').some((g) => first.includes(g))).toBe(false)
  })

  it('escapes markup and drops characters XML forbids, in names, notes and descriptions', () => {
    const { xml } = renderProject(sampleProject())
    expect(xml).toContain('name="Blog &amp; &lt;rumours&gt;"')
    expect(xml).toContain('Effects &lt;on&gt; the port &amp; town')
    expect(xml).toContain('Unsourced claim')
    expect(xml.includes('\u0001') || xml.includes('\u0007')).toBe(false)
    expect(xml).toContain('Reopening date&#13;\nto confirm')
  })

  it('carries sources, grades and flags as variables, and passage credibility as a set of codes', () => {
    const { xml } = renderProject(sampleProject())
    for (const name of [
      'Author',
      'Published',
      'Source',
      'Reliability',
      'Credibility',
      'Flag: key source'
    ])
      expect(xml).toMatch(new RegExp(`<Variable guid="[^"]+" name="${name}" typeOfVariable="`))
    expect(xml).toContain('<IntegerValue>2</IntegerValue>')
    expect(xml).toContain('<BooleanValue>true</BooleanValue>')
    expect(xml).toMatch(/<Set guid="[^"]+" name="Passage credibility">/)
    expect(xml.match(/<MemberCode /g)).toHaveLength(6)
  })

  it('reports a highlight it cannot place instead of writing it', () => {
    const p = sampleProject()
    p.highlights.push({ ...p.highlights[0], id: 'a1b2c3d4e5.99', start: 5, end: 10_000 })
    p.highlights.push({ ...p.highlights[0], id: 'zz.1', docId: 'zz' })
    p.highlights.push({ ...p.highlights[1], id: 'a1b2c3d4e5.98', tags: ['gone'] })
    const { skipped } = renderProject(p)
    expect(skipped).toEqual([
      'The highlight zz.1 was left out: its document zz is not in the export.',
      'The highlight a1b2c3d4e5.99 was left out: its position 5–10000 is outside its document’s text.',
      'The tag gone on highlight a1b2c3d4e5.98 was left out: it is not in the codebook.'
    ])
  })

  it('zips project.qde with each text as UTF-8 under sources/, referenced as internal://', async () => {
    const { bytes } = await writeQdpx(sampleProject())
    const zip = await JSZip.loadAsync(bytes)
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort()
    expect(names).toHaveLength(3)
    const xml = await zip.file('project.qde')!.async('string')
    const paths = [...xml.matchAll(/plainTextPath="internal:\/\/([^"]+)"/g)].map(
      (m) => `sources/${m[1]}`
    )
    expect(paths.sort()).toEqual(names.filter((n) => n.startsWith('sources/')))
    expect(await zip.file(paths[0])!.async('string')).toBe(PORT_TEXT)
    expect(await qdaSchemaErrors(xml)).toEqual([])
  })
})
