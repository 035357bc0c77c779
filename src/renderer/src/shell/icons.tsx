/** Small line icons, drawn inline (no files to load). Decorative: the buttons carry the names. */
export function PanelIcon({ side }: { side: 'left' | 'right' }): React.JSX.Element {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" />
      <rect
        x={side === 'left' ? 2 : 11}
        y="3"
        width="5"
        height="12"
        fill="currentColor"
        opacity="0.45"
      />
    </svg>
  )
}
