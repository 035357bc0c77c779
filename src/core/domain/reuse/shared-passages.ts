import type { LinkEvidence, ReuseRow } from '../../../shared/reliability'
import type { AlignOptions, SharedPassage } from './align'
import { alignTexts, matchSeeds } from './align'
import type { CandidateOptions } from './fingerprint-index'
import { FingerprintIndex } from './fingerprint-index'
import { DEFAULT_PARAMS } from './params'
import { tokenize } from './tokens'
import type { Fingerprints } from './winnow'
import { fingerprint } from './winnow'

export type SharedPassagesOptions = AlignOptions &
  CandidateOptions & {
    /**
     * A document's fingerprints as kept by the store (`decodeFingerprints` of its record), so
     * that a candidate's are not computed again: that halves the cost of a candidate. Those it
     * does not have are computed from the text.
     */
    fingerprintsOf?: (sha: string) => Fingerprints | undefined
  }

/** The passages one document shares with another (`sha`), positions `a` in the first. */
export interface PairPassages {
  sha: string
  passages: SharedPassage[]
}

/**
 * The passages a document shares with the documents of an index: candidates from shared
 * fingerprints (those sharing only boilerplate with `includeBoilerplate`), each verified by
 * alignment against its text (`textOf`; a candidate whose text is gone is skipped). Boilerplate
 * passages are flagged, not dropped; a pair with nothing but boilerplate is returned only with
 * `includeBoilerplate`, and a pair with no verified passage never. Most words shared first.
 */
export function sharedPassagesFor(
  index: FingerprintIndex,
  doc: { sha: string; text: string },
  textOf: (sha: string) => string | undefined,
  options: SharedPassagesOptions = {}
): PairPassages[] {
  const params = options.params ?? index.params ?? DEFAULT_PARAMS
  const tokens = tokenize(doc.text)
  const fp = fingerprint(tokens, params)
  const { candidates, boilerplate } = index.query(index.has(doc.sha) ? doc.sha : fp, options)
  const A = { text: doc.text, tokens }
  const out: PairPassages[] = []
  for (const c of candidates) {
    if (c.sha === doc.sha) continue
    const text = textOf(c.sha)
    if (text === undefined) continue
    const B = { text, tokens: tokenize(text) }
    const kept = options.fingerprintsOf?.(c.sha)
    const fpB =
      kept && kept.k === params.k && kept.w === params.w ? kept : fingerprint(B.tokens, params)
    const seeds = matchSeeds(fp, fpB, (h) => boilerplate.has(h))
    const passages = alignTexts(A, B, seeds, { ...options, params })
    const real = passages.some((p) => !p.boilerplate)
    if (passages.length && (real || options.includeBoilerplate)) out.push({ sha: c.sha, passages })
  }
  const words = (p: PairPassages): number => p.passages.reduce((n, x) => n + x.a.words, 0)
  return out.sort((x, y) => words(y) - words(x) || (x.sha < y.sha ? -1 : x.sha > y.sha ? 1 : 0))
}

/**
 * The passages one document shares with each of a few others, without a persistent index (the
 * `reuse --with` case, tests, small sets): boilerplate is judged within `[doc, ...others]`.
 * Documents are named by `id`; ids must be distinct.
 */
export function findSharedPassages(
  doc: { id: string; text: string },
  others: readonly { id: string; text: string }[],
  options: SharedPassagesOptions = {}
): PairPassages[] {
  const params = options.params ?? DEFAULT_PARAMS
  const index = new FingerprintIndex(params)
  const texts = new Map<string, string>()
  for (const d of [doc, ...others]) {
    texts.set(d.id, d.text)
    index.add(d.id, fingerprint(d.text, params))
  }
  return sharedPassagesFor(index, { sha: doc.id, text: doc.text }, (id) => texts.get(id), options)
}

export type { ReuseRow }

/** Rows for the CLI and the details pane, longest first (then by position). */
export function reuseRows(
  docId: string,
  pairs: readonly PairPassages[],
  docIdOf: (sha: string) => string = (s) => s
): ReuseRow[] {
  const rows: ReuseRow[] = []
  for (const pair of pairs)
    for (const p of pair.passages)
      rows.push({
        docId,
        start: p.a.start,
        end: p.a.end,
        otherDocId: docIdOf(pair.sha),
        otherStart: p.b.start,
        otherEnd: p.b.end,
        words: p.a.words,
        identity: Math.round(p.identity * 1000) / 1000,
        boilerplate: p.boilerplate
      })
  return rows.sort(
    (x, y) =>
      y.words - x.words ||
      x.start - y.start ||
      (x.otherDocId < y.otherDocId ? -1 : x.otherDocId > y.otherDocId ? 1 : 0) ||
      x.otherStart - y.otherStart
  )
}

/**
 * The evidence for proposing that two documents derive from one another: their shared passages
 * other than boilerplate, when together they reach `minWords` words. Which one derives from which
 * (by date, or the analyst's choice) is for the caller to say.
 */
export function derivationEvidence(
  passages: readonly SharedPassage[],
  minWords = 20
): Extract<LinkEvidence, { kind: 'shared-passages' }> | null {
  const real = passages.filter((p) => !p.boilerplate)
  const words = real.reduce((n, p) => n + Math.min(p.a.words, p.b.words), 0)
  return real.length && words >= minWords
    ? { kind: 'shared-passages', passages: real.length, words }
    : null
}
