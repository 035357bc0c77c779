import { useId } from 'react'

export interface RadioOption<T extends string> {
  value: T
  label: string
  /** Extra class of the option (a colour swatch's colour). */
  className?: string
}

interface Props<T extends string> {
  legend: string
  options: readonly RadioOption<T>[]
  value: T
  onChange: (value: T) => void
  /**
   * list: one option a line; inline: side by side; swatches: round colour buttons named by their
   * label (the text selection stays as it is when one is clicked).
   */
  appearance?: 'list' | 'inline' | 'swatches'
  /** The legend is read out but not shown. */
  hideLegend?: boolean
  className?: string
}

/** Native radio buttons in a fieldset: arrow keys move between them, the legend names the group. */
export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  appearance = 'list',
  hideLegend = false,
  className
}: Props<T>): React.JSX.Element {
  const name = useId()
  const swatches = appearance === 'swatches'
  return (
    <fieldset
      className={['radio-group', `radio-${appearance}`, className].filter(Boolean).join(' ')}
    >
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={['radio-option', o.className].filter(Boolean).join(' ')}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={o.value === value}
            aria-label={swatches ? o.label : undefined}
            className={swatches ? 'swatch-radio' : undefined}
            title={swatches ? o.label : undefined}
            onMouseDown={swatches ? (e) => e.preventDefault() : undefined}
            onChange={() => onChange(o.value)}
          />
          {!swatches && <span>{o.label}</span>}
        </label>
      ))}
    </fieldset>
  )
}
