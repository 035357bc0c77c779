/** Every keyboard shortcut, as the ? dialog lists them (and the README). */
export const SHORTCUTS: { group: string; items: { keys: string[]; does: string }[] }[] = [
  {
    group: 'Anywhere',
    items: [
      { keys: ['Ctrl+K', 'Ctrl+F'], does: 'Search everything' },
      { keys: ['Ctrl+O'], does: 'Import files' },
      { keys: ['Ctrl+B'], does: 'Show or hide the library' },
      { keys: ['Ctrl+Alt+B'], does: 'Show or hide the annotations sidebar' },
      { keys: ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4'], does: 'Go to the reader in pane 1–4' },
      { keys: ['Ctrl+Z'], does: 'Undo (a change made in another view is named first)' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo' },
      { keys: ['?'], does: 'This list of shortcuts' }
    ]
  },
  {
    group: 'In the reader',
    items: [
      { keys: ['←', '→', '↑', '↓'], does: 'Move the caret (by character, by line)' },
      { keys: ['Ctrl+←', 'Ctrl+→'], does: 'Move the caret by word' },
      { keys: ['Home', 'End'], does: 'To the start or end of the line' },
      { keys: ['Shift+arrows'], does: 'Select text from the caret' },
      { keys: ['H'], does: 'Highlight the selection, then type its tags' },
      { keys: [']', '['], does: 'Next or previous highlight' },
      { keys: ['T'], does: 'Tags of the selected highlight' },
      { keys: ['N'], does: 'Note of the selected highlight' },
      { keys: ['1', '2', '3', '4', '5', '6'], does: 'Credibility of the selected highlight' },
      { keys: ['0'], does: 'The selected highlight takes its document’s credibility' },
      { keys: ['G'], does: 'Source and grades of the document' },
      { keys: ['J', 'K'], does: 'Next and previous passage shared by the two panes compared' },
      { keys: ['F3', 'Shift+F3'], does: 'Next or previous search match' },
      { keys: ['Esc'], does: 'Deselect the highlight' }
    ]
  },
  {
    group: 'Lists and boxes',
    items: [
      { keys: ['↑', '↓', 'Home', 'End'], does: 'Move through the library or the sources' },
      { keys: ['↓'], does: 'From the search box into the results (Esc goes back)' },
      { keys: ['Enter'], does: 'Open the document, hit or tag under focus' },
      { keys: ['Esc'], does: 'In the Tags or Note box: back to the reader' },
      { keys: ['Backspace'], does: 'In the empty Tags box: remove the last tag' }
    ]
  }
]
