import type { DocumentMeta } from '../shared/model'

/** A catalog entry for the n-th made-up document, as the journal tests write them. */
export const meta = (n: number): DocumentMeta => ({
  id: `doc${n}`,
  title: `Report ${n}`,
  author: null,
  published: null,
  source: null,
  originalName: `r${n}.txt`,
  format: 'txt',
  sha256: String(n).padStart(64, '0'),
  textSha256: String(n).padStart(64, 'a'),
  stored: { pack: 'pack-000001.awp', at: n * 100, text: 10, blocks: 2, original: 10 },
  bytes: 10,
  chars: 10,
  words: 2,
  importedAt: '2025-03-06T09:00:00.000Z',
  importOrder: n
})
