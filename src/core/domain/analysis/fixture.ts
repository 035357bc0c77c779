import type { Annotation, Block, DocumentMeta, Tag } from '../../../shared/model'
import type { AnalysisInput } from './input'

/**
 * A small workspace made by hand for the analysis tests; the expected tables are worked out in
 * the tests from this listing.
 *
 * Codebook (tree order):  Actors · Actors/Lazarus · Actors/State · Claims · Claims/Figures · Motive
 *
 * | doc | source  | published  | paragraphs           |
 * | d1  | Reuters | 2024-03-13 | [0,100) [100,200)    |
 * | d2  | Reuters | 2024-01-05 | [0,50) [50,120)      |
 * | d3  | —       | —          | [0,80)               |
 *
 * | id  | doc | range     | tags                | note                          |
 * | h1  | d1  | [10,30)   | Lazarus, Motive     |                               |
 * | h2  | d1  | [20,40)   | State               | overlaps h1                   |
 * | h3  | d1  | [120,150) | Actors, Lazarus     | a tag and its own sub-tag     |
 * | h4  | d1  | [150,170) | Figures             | touches h3, does not overlap  |
 * | h5  | d2  | [5,25)    | Figures, Motive     |                               |
 * | h6  | d2  | [60,90)   | Lazarus             |                               |
 * | h7  | d2  | [80,100)  | Motive, Figures     | overlaps h6                   |
 * | h8  | d3  | [0,10)    | State               | orphaned                      |
 * | h9  | d3  | [20,30)   | —                   | untagged                      |
 * | h10 | d3  | [40,60)   | Claims, State       |                               |
 */

const tag = (id: string, name: string, parent: string | null = null): Tag => ({
  id,
  name,
  parent,
  color: `#${id.padEnd(6, '0').slice(0, 6)}`,
  description: ''
})

export const TAGS: Tag[] = [
  tag('m', 'Motive'),
  tag('c', 'Claims'),
  tag('f', 'Figures', 'c'),
  tag('a', 'Actors'),
  tag('s', 'State', 'a'),
  tag('l', 'Lazarus', 'a')
]

export function doc(id: string, published: string | null, source: string | null): DocumentMeta {
  return {
    id,
    title: `Document ${id}`,
    stored: { pack: 'pack-000001.awp', at: 0, text: 0, blocks: 0, original: 0 },
    author: null,
    published,
    source,
    originalName: `${id}.txt`,
    format: 'txt',
    sha256: id,
    textSha256: id,
    bytes: 0,
    chars: 0,
    words: 0,
    importedAt: '2024-04-01T00:00:00.000Z',
    importOrder: 1
  }
}

export const DOCS: DocumentMeta[] = [
  doc('d1', '2024-03-13', 'Reuters'),
  doc('d2', '2024-01-05', 'Reuters'),
  doc('d3', null, null)
]

export function ann(
  id: string,
  docId: string,
  start: number,
  end: number,
  tags: string[],
  exact = `passage ${id}`,
  status: Annotation['status'] = 'anchored'
): Annotation {
  return {
    id,
    docId,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end },
    status,
    color: 'yellow',
    tags,
    note: '',
    created: '2024-04-01T00:00:00.000Z',
    modified: '2024-04-01T00:00:00.000Z'
  }
}

export const ANNOTATIONS: Annotation[] = [
  ann('h1', 'd1', 10, 30, ['l', 'm']),
  ann('h2', 'd1', 20, 40, ['s']),
  ann('h3', 'd1', 120, 150, ['a', 'l']),
  ann('h4', 'd1', 150, 170, ['f']),
  ann('h5', 'd2', 5, 25, ['f', 'm']),
  ann('h6', 'd2', 60, 90, ['l']),
  ann('h7', 'd2', 80, 100, ['m', 'f']),
  ann('h8', 'd3', 0, 10, ['s'], 'passage h8', 'orphaned'),
  ann('h9', 'd3', 20, 30, []),
  ann('h10', 'd3', 40, 60, ['c', 's'])
]

const para = (start: number, end: number): Block => ({ kind: 'paragraph', start, end })

export const PARAGRAPHS: Record<string, Block[]> = {
  d1: [para(0, 100), para(100, 200)],
  d2: [para(0, 50), para(50, 120)],
  d3: [para(0, 80)]
}

export const WORKSPACE: AnalysisInput = { documents: DOCS, annotations: ANNOTATIONS, tags: TAGS }

/** Grades of some passages, as the reliability domain will give them. */
export const GRADES: Record<string, string> = { h1: 'B2', h3: 'B2', h5: 'C3', h6: 'A1' }
