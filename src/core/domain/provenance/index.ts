/** Provenance flags and named sources found in a text at import. */
export { declaredSourceEvidence, detectProvenance } from './detect'
export type { NamedSource, Provenance, ProvenanceHints } from './detect'
