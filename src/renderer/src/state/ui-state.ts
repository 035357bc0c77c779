import type { HighlightColor, SearchFilters } from '../../../shared/model'
import type { View } from './layout-storage'
import type { Pane } from './panes'

export interface TextRange {
  start: number
  end: number
}

/** Text selected in a pane, as offsets into its document's text. */
export interface PaneSelection extends TextRange {
  paneKey: string
  /** The selected text, shown as the quote of the highlight while it is saved. */
  text: string
}

/** Search matches marked in a pane, and which one is current (scrolled to). */
export interface Matches {
  docId: string
  ranges: TextRange[]
  current: number
}

export type Confirm =
  | { kind: 'remove'; docId: string; title: string }
  /** "Open beside" with every pane in use. */
  | { kind: 'panes-full'; docId: string }

/** The state of the window: what is shown where. Data from the workbench lives in the client's reads. */
export interface UiState {
  view: View
  panes: Pane[]
  activeKey: string | null
  /** The highlight being edited in the sidebar. */
  selectedId: string | null
  selection: PaneSelection | null
  color: HighlightColor
  /** Scrolls the reader to this annotation whenever the nonce changes. */
  scrollTarget: { id: string; nonce: number } | null
  matches: Record<string, Matches>
  query: string
  /** The search panel is shown even with nothing typed (its filters list what they select). */
  searchOpen: boolean
  /** The search panel's Tag, Document, From and To controls. */
  searchFilters: SearchFilters
  /** Asks the Memos view to show this memo (a memo hit opened), whenever the nonce changes. */
  memoRequest: { id: string; nonce: number } | null
  libraryOpen: boolean
  /** Imports keep whole web pages, not only their articles. */
  wholePages: boolean
  sidebarOpen: boolean
  dialog: 'export' | 'shortcuts' | 'trash' | 'exchange' | null
  /** The document whose source and grades are being edited (G), or none. */
  gradeDocId: string | null
  /**
   * The compare view: which passage shared by the two panes compared (`pair`, see
   * compare-pair.ts) is current, of how many; both panes scroll to it whenever the nonce changes.
   */
  shared: { pair: string; count: number; current: number; nonce: number } | null
  /** The compare view also marks boilerplate (phrases very many documents share). */
  sharedBoilerplate: boolean
  confirm: Confirm | null
  /**
   * Asks the editor of this highlight to put focus in a field ('tags' after H, 'note' after N).
   * The one H makes is `afterHighlight`: text selected in a reader before it is met cancels it.
   */
  focusRequest: { id: string; field: 'tags' | 'note'; typed: string; afterHighlight?: true } | null
  /** Set once the saved layout has been applied (panes opened after the library arrived). */
  restored: boolean
  /** The tab shown in the Analysis view. */
  analysisTab: AnalysisTabName
  /** The analysis of competing hypotheses open (passages are added to it from Themes and the sidebar). */
  achId: string | null
}

export type AnalysisTabName = 'matrix' | 'cooccurrence' | 'frequencies' | 'timeline' | 'ach'

export const initialUiState = (): UiState => ({
  view: 'library',
  panes: [],
  activeKey: null,
  selectedId: null,
  selection: null,
  color: 'yellow',
  scrollTarget: null,
  matches: {},
  query: '',
  searchOpen: false,
  searchFilters: {},
  memoRequest: null,
  libraryOpen: true,
  wholePages: false,
  sidebarOpen: true,
  dialog: null,
  gradeDocId: null,
  shared: null,
  sharedBoilerplate: false,
  confirm: null,
  focusRequest: null,
  restored: false,
  analysisTab: 'matrix',
  achId: null
})

export const VIEW_NAMES: Record<View, string> = {
  library: 'Documents',
  themes: 'Themes',
  memos: 'Memos',
  sources: 'Sources',
  analysis: 'Analysis'
}
