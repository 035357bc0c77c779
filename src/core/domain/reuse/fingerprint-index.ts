import { ByteReader, ByteWriter } from './bytes'
import { distinctHashes } from './codec'
import type { ReuseParams } from './params'
import type { Segment } from './postings'
import { eachSlot, mergeSegments, segmentOf } from './postings'
import { boilerplateLimit, DEFAULT_PARAMS } from './params'
import type { Fingerprints } from './winnow'

/** Another document that shares fingerprints with the one asked about. */
export interface Candidate {
  sha: string
  /** Distinct fingerprints shared that are not boilerplate. */
  shared: number
  /** Distinct boilerplate fingerprints shared. */
  boilerplate: number
}

export interface CandidateOptions {
  /** Also return documents that share nothing but boilerplate (the "show boilerplate" toggle). */
  includeBoilerplate?: boolean
  /** At most this many, those sharing most first. */
  limit?: number
}

const INDEX_MAGIC = 0x58465741 // 'AWFX'
const INDEX_VERSION = 1
/** Postings gathered in the map of recent additions before they become a segment. */
const RECENT_LIMIT = 1 << 16

/**
 * Which documents carry which fingerprints, keyed by the sha256 of each document's text (content
 * addressed: adding a text that is already there costs nothing). Postings live in sorted,
 * compressed segments (hash → slots, typed arrays, binary search), as in a log-structured merge
 * tree: recent additions gather in a small map, which becomes a segment at 65,536 postings, and
 * a segment is merged with the one before it while that one is at most twice its size, so a
 * posting is copied O(log n) times and an add costs about the same at any size. A removed
 * document is a dead slot, dropped by merges; past half of the postings, all are rebuilt.
 * Pure: no I/O; `encode` gives the bytes to store.
 */
export class FingerprintIndex {
  readonly params: ReuseParams
  private shas: string[] = []
  private hashesOf: (Uint32Array | null)[] = []
  private slotOf = new Map<string, number>()
  private live = 0
  private dead = 0
  private segments: Segment[] = []
  private postings = 0
  private recent = new Map<number, number[]>()
  private recentCount = 0
  private counts = new Int32Array(0)
  private bpCounts = new Int32Array(0)

  constructor(params: ReuseParams = DEFAULT_PARAMS) {
    this.params = { k: params.k, w: params.w }
  }

  /** Documents in the index. */
  get size(): number {
    return this.live
  }

  /** The texts in the index (their sha256), in the order added. */
  documents(): string[] {
    return this.shas.filter((_, slot) => this.hashesOf[slot] !== null)
  }

  has(sha: string): boolean {
    return this.slotOf.has(sha)
  }

  /** The distinct fingerprint hashes kept for a document, sorted. */
  hashes(sha: string): Uint32Array | undefined {
    const slot = this.slotOf.get(sha)
    return slot === undefined ? undefined : (this.hashesOf[slot] ?? undefined)
  }

  /** Adds a document's fingerprints; false (and nothing done) when its text is already indexed. */
  add(sha: string, fp: Fingerprints | Uint32Array): boolean {
    if (this.slotOf.has(sha)) return false
    if (!(fp instanceof Uint32Array) && (fp.k !== this.params.k || fp.w !== this.params.w))
      throw new Error(`fingerprints made with k=${fp.k}, w=${fp.w} do not fit this index`)
    const hashes = fp instanceof Uint32Array ? distinctHashes(fp) : distinctHashes(fp.hashes)
    const slot = this.shas.length
    this.shas.push(sha)
    this.hashesOf.push(hashes)
    this.slotOf.set(sha, slot)
    this.live++
    for (const h of hashes) {
      const list = this.recent.get(h)
      if (list) list.push(slot)
      else this.recent.set(h, [slot])
    }
    this.recentCount += hashes.length
    if (this.recentCount >= RECENT_LIMIT) this.flush()
    return true
  }

  /** Removes a document; false when it was not there. */
  remove(sha: string): boolean {
    const slot = this.slotOf.get(sha)
    if (slot === undefined) return false
    this.dead += this.hashesOf[slot]?.length ?? 0
    this.hashesOf[slot] = null
    this.slotOf.delete(sha)
    this.live--
    if (this.dead > Math.max(RECENT_LIMIT, (this.postings + this.recentCount) / 2)) this.rebuild()
    return true
  }

  /** More documents than this carrying a fingerprint make it boilerplate. */
  get boilerplateLimit(): number {
    return boilerplateLimit(this.live)
  }

  /** How many indexed documents carry a fingerprint. */
  documentFrequency(hash: number): number {
    let n = 0
    this.eachPosting(hash, () => void n++)
    return n
  }

  isBoilerplate(hash: number): boolean {
    return this.documentFrequency(hash) > this.boilerplateLimit
  }

  /**
   * The documents that share fingerprints with an indexed document (by its sha) or with a text's
   * fingerprints, most shared first (then by sha), and which of its fingerprints are boilerplate.
   */
  query(
    of: string | Fingerprints,
    options: CandidateOptions = {}
  ): { candidates: Candidate[]; boilerplate: Set<number> } {
    const self = typeof of === 'string' ? this.slotOf.get(of) : undefined
    const hashes = typeof of === 'string' ? this.hashes(of) : distinctHashes(of.hashes)
    const boilerplate = new Set<number>()
    if (!hashes) return { candidates: [], boilerplate }
    if (this.counts.length < this.shas.length) {
      this.counts = new Int32Array(this.shas.length * 2)
      this.bpCounts = new Int32Array(this.shas.length * 2)
    }
    const { counts, bpCounts } = this
    const touched: number[] = []
    const limit = this.boilerplateLimit
    const slots: number[] = []
    for (const h of hashes) {
      slots.length = 0
      this.eachPosting(h, (s) => void slots.push(s))
      // A text not in the index counts itself among the documents that carry the fingerprint.
      const isBp = slots.length + (self === undefined ? 1 : 0) > limit
      if (isBp) boilerplate.add(h)
      for (const s of slots) {
        if (s === self) continue
        if (counts[s] === 0 && bpCounts[s] === 0) touched.push(s)
        if (isBp) bpCounts[s]++
        else counts[s]++
      }
    }
    const candidates: Candidate[] = []
    for (const s of touched) {
      if (counts[s] > 0 || options.includeBoilerplate)
        candidates.push({ sha: this.shas[s], shared: counts[s], boilerplate: bpCounts[s] })
      counts[s] = 0
      bpCounts[s] = 0
    }
    candidates.sort(
      (a, b) =>
        b.shared - a.shared ||
        b.boilerplate - a.boilerplate ||
        (a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0)
    )
    if (options.limit !== undefined) candidates.length = Math.min(candidates.length, options.limit)
    return { candidates, boilerplate }
  }

  candidates(of: string | Fingerprints, options: CandidateOptions = {}): Candidate[] {
    return this.query(of, options).candidates
  }

  /** Calls `fn` with the slot of every live document that carries `hash`. */
  private eachPosting(hash: number, fn: (slot: number) => void): void {
    const live = (s: number): void => {
      if (this.hashesOf[s]) fn(s)
    }
    for (const segment of this.segments) eachSlot(segment, hash, live)
    const recent = this.recent.get(hash)
    if (recent) for (const s of recent) live(s)
  }

  /** The recent additions as a segment, merged with those before it while of similar size. */
  private flush(): void {
    const hashes = new Uint32Array(this.recentCount)
    const slots = new Uint32Array(this.recentCount)
    let at = 0
    for (const [h, list] of this.recent)
      for (const s of list) {
        hashes[at] = h
        slots[at++] = s
      }
    this.recent = new Map()
    this.recentCount = 0
    const segs = this.segments
    segs.push(segmentOf(hashes, slots))
    const alive = (s: number): boolean => this.hashesOf[s] !== null
    while (
      segs.length >= 2 &&
      segs[segs.length - 2].slots.length <= 2 * segs[segs.length - 1].slots.length
    ) {
      const newer = segs.pop()!
      segs.push(mergeSegments(segs.pop()!, newer, alive))
    }
    this.postings = segs.reduce((n, g) => n + g.slots.length, 0)
  }

  /** One segment of every live document, slots renumbered without gaps. */
  private rebuild(): void {
    const shas: string[] = []
    const hashesOf: Uint32Array[] = []
    let total = 0
    this.shas.forEach((sha, slot) => {
      const hs = this.hashesOf[slot]
      if (!hs) return
      shas.push(sha)
      hashesOf.push(hs)
      total += hs.length
    })
    const keys = new Uint32Array(total)
    const vals = new Uint32Array(total)
    let at = 0
    hashesOf.forEach((hs, slot) => {
      keys.set(hs, at)
      vals.fill(slot, at, at + hs.length)
      at += hs.length
    })
    this.shas = shas
    this.hashesOf = hashesOf
    this.slotOf = new Map(shas.map((s, i) => [s, i]))
    this.segments = total ? [segmentOf(keys, vals)] : []
    this.postings = total
    this.recent = new Map()
    this.recentCount = 0
    this.dead = 0
  }

  /**
   * The index as bytes: a header (magic, version, k, w, documents), then per document its sha
   * (length-prefixed UTF-8, padded to 4) and its distinct hashes (count, then 4 bytes each).
   * Postings are not written: `decode` sorts them again, in linear time.
   */
  encode(): Uint8Array {
    const out = new ByteWriter(64 + 4 * (this.postings + this.recentCount))
    for (const v of [INDEX_MAGIC, INDEX_VERSION, this.params.k, this.params.w, this.live])
      out.u32(v)
    const utf8 = new TextEncoder()
    this.shas.forEach((sha, slot) => {
      const hs = this.hashesOf[slot]
      if (!hs) return
      const name = utf8.encode(sha)
      out.u32(name.length)
      out.bytes(name)
      out.align()
      out.u32(hs.length)
      out.u32s(hs)
    })
    return out.result()
  }

  static decode(bytes: Uint8Array): FingerprintIndex {
    const r = new ByteReader(bytes, 'the fingerprint index')
    if (r.u32() !== INDEX_MAGIC) throw new Error('not a fingerprint index')
    const version = r.u32()
    if (version !== INDEX_VERSION)
      throw new Error(`fingerprint index version ${version} is unknown`)
    const index = new FingerprintIndex({ k: r.u32(), w: r.u32() })
    const n = r.u32()
    const utf8 = new TextDecoder('utf-8', { fatal: true })
    for (let i = 0; i < n; i++) {
      const sha = utf8.decode(r.bytes(r.u32()))
      r.align()
      const hs = r.u32s(r.u32())
      if (index.slotOf.has(sha)) throw new Error(`the fingerprint index holds ${sha} twice`)
      index.slotOf.set(sha, index.shas.length)
      index.shas.push(sha)
      index.hashesOf.push(hs)
      index.live++
    }
    index.rebuild()
    return index
  }
}
