/**
 * A deterministic, news-like corpus: shared vocabulary, names, places, numbers and dates, lengths
 * from 1 to 50 KB. The same seed gives the same documents on every machine.
 */
const WORDS = (
  'the port authority said officials ships container terminal cranes harbour attack ransomware network systems ' +
  'security agency ministry report statement investigation sources government police cyber incident data ' +
  'operators shipping lines cargo trucks workers shift payment bitcoin demand evidence group state actor ' +
  'remote access password backup restore schedule delay week month year region coast river flood storm ' +
  'economy trade exports imports prices fuel energy supply chain warehouse customs border inspection'
).split(' ')
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

export interface BenchDoc {
  name: string
  text: string
}

export function makeDocument(i: number, sizeBytes?: number): BenchDoc {
  const r = rng(i + 1)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
  const target = sizeBytes ?? Math.floor(1024 + Math.pow(r(), 2.2) * 49 * 1024)
  const title = `${pick(PLACES)} ${pick(WORDS)} ${pick(WORDS)}: ${pick(NAMES)} on the ${pick(WORDS)} ${i}`
  const date = `2025-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`
  const parts = [
    `---\ntitle: "${title}"\ndate: ${date}\nsource: ${pick(PLACES)} Ledger\n---\n# ${title}\n`
  ]
  let length = parts[0].length
  while (length < target) {
    const sentences: string[] = []
    for (let s = 0; s < 3 + Math.floor(r() * 4); s++) {
      const n = 8 + Math.floor(r() * 14)
      const words = Array.from({ length: n }, () =>
        r() < 0.06 ? pick(PLACES) : r() < 0.04 ? String(Math.floor(r() * 10000)) : pick(WORDS)
      )
      if (r() < 0.3) words.splice(Math.floor(r() * n), 0, `${pick(NAMES)} said`)
      sentences.push(words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.')
    }
    const para = sentences.join(' ')
    parts.push(para)
    length += para.length + 2
  }
  return { name: `doc-${String(i).padStart(6, '0')}.md`, text: parts.join('\n\n') }
}

/** 50 queries of every kind: words, phrases, prefixes, misspellings, exclusions, OR, filters. */
export const QUERIES = [
  'port',
  'ransomware',
  'cranes harbour',
  'container terminal',
  'Averly',
  'Selmis ships',
  'bitcoin payment',
  'police investigation',
  'remote password',
  'supply chain',
  '"port authority"',
  '"container terminal"',
  '"remote access"',
  '"shipping lines"',
  '"supply chain"',
  '"customs border"',
  '"cargo trucks"',
  '"backup restore"',
  '"energy supply"',
  '"the port"',
  'rans*',
  'harb*',
  'invest*',
  'gover*',
  'contai*',
  'secu*',
  'ship*',
  'warehou*',
  'inspec*',
  'Norh*',
  'ransomare',
  'govenment',
  'investigaton',
  'harbuor',
  'securty',
  'containr',
  'evidense',
  'shiping',
  'operatrs',
  'warehuose',
  'attack -flood',
  'storm OR flood',
  'ships -cargo',
  'Varga said',
  'title:Averly port',
  'after:2025-06-01 cargo',
  'before:2025-03-01 port',
  'port OR harbour OR coast',
  'data -police',
  'state actor'
]
