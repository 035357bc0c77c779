/** Shared-passage detection: the entry points the store, the parser worker and the CLI use. */
export { alignPair, alignTexts, matchSeeds, mirror } from './align'
export type { AlignOptions, PassageSide, Seed, SharedPassage } from './align'
export { decodeFingerprints, encodeFingerprints } from './codec'
export { FingerprintIndex } from './fingerprint-index'
export type { Candidate, CandidateOptions } from './fingerprint-index'
export { boilerplateLimit, DEFAULT_PARAMS, guaranteedRun } from './params'
export type { ReuseParams } from './params'
export {
  derivationEvidence,
  findSharedPassages,
  reuseRows,
  sharedPassagesFor
} from './shared-passages'
export type { PairPassages, ReuseRow, SharedPassagesOptions } from './shared-passages'
export { tokenize } from './tokens'
export type { WordTokens } from './tokens'
export { fingerprint } from './winnow'
export type { Fingerprints } from './winnow'
export { wordDiff } from './word-diff'
export type { ChangedRange, WordDiff } from './word-diff'
