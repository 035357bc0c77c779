import { useEffect, useMemo } from 'react'
import type { ComparedPassage } from '../../../shared/reliability'
import { useFetch } from '../hooks/use-fetch'
import { useClient, useServices, useUi } from '../state/app-context'
import { comparePair, parsePairKey } from '../state/compare-pair'

/** A passage as one pane of the compare view marks it: its range and changed words in that pane. */
export interface SharedMark {
  start: number
  end: number
  changed: { start: number; end: number }[]
  words: number
  identity: number
}

/** What the compare view gives one pane: its shared passages, which is current, and when to scroll. */
export interface PaneComparison {
  otherDocId: string
  marks: SharedMark[]
  rows: ComparedPassage[]
  /** Passages of boilerplate the two share (shown only with the toggle). */
  boilerplate: number
  /** The left pane of the pair: it alone announces the current passage. */
  announces: boolean
  current: number
  nonce: number
}

const NO_ROWS: ComparedPassage[] = []

/**
 * The shared passages of a pane in the compare view (see compare-pair.ts): both panes of the pair
 * fetch the same comparison (one request, shared), each marking its own side. The left pane keeps
 * the pair's count in the UI state, for J and K.
 */
export function useComparison(paneKey: string): PaneComparison | null {
  const client = useClient()
  const { ui } = useServices()
  // A string, so that the pane renders again only when the pair changes.
  const pairKey = useUi((s) => comparePair(s.panes, s.activeKey)?.key ?? null)
  const pair = pairKey ? parsePairKey(pairKey) : null
  const side = !pair ? null : pair.a.key === paneKey ? 'a' : pair.b.key === paneKey ? 'b' : null
  const aDoc = pair?.a.docId ?? ''
  const bDoc = pair?.b.docId ?? ''
  const { data } = useFetch(pair && side ? `compare:${aDoc}:${bDoc}` : null, ['documents'], () =>
    client.call('comparePassages', aDoc, bDoc)
  )
  const boilerplate = useUi((s) => s.sharedBoilerplate)
  const rows = useMemo(
    () => (data ?? NO_ROWS).filter((r) => boilerplate || !r.boilerplate),
    [data, boilerplate]
  )
  const boilerplateCount = data ? data.filter((r) => r.boilerplate).length : 0
  const shared = useUi((s) => s.shared)
  useEffect(() => {
    if (side !== 'a' || !pairKey || !data) return
    const cur = ui.get().shared
    if (cur?.pair === pairKey && cur.count === rows.length) return
    ui.set({ shared: { pair: pairKey, count: rows.length, current: 0, nonce: 0 } })
  }, [side, pairKey, data, rows, ui])
  // Made again only when the passages or the side change: the scroll to the current passage
  // follows J, K and the markers, never a pane's other updates.
  const marks = useMemo(
    () =>
      rows.map((r): SharedMark =>
        side === 'a'
          ? { start: r.start, end: r.end, changed: r.changed, words: r.words, identity: r.identity }
          : {
              start: r.otherStart,
              end: r.otherEnd,
              changed: r.otherChanged,
              words: r.words,
              identity: r.identity
            }
      ),
    [rows, side]
  )
  if (!pair || !side || !data) return null
  const mine = shared?.pair === pairKey
  return {
    otherDocId: side === 'a' ? bDoc : aDoc,
    marks,
    rows,
    boilerplate: boilerplateCount,
    announces: side === 'a',
    current: mine ? shared.current : 0,
    nonce: mine ? shared.nonce : 0
  }
}
