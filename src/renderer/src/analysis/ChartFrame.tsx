import { useRef, useState, type ReactNode } from 'react'
import { useAction } from '../hooks/use-action'
import { RadioGroup } from '../ui/RadioGroup'
import { savePng, saveSvg } from './chart-export'

/**
 * A chart with a table of the same data (for screen readers and for copying) and buttons that
 * save the chart (the <svg> in `chart`) as SVG or PNG.
 */
export function ChartFrame({
  name,
  title,
  chart,
  table
}: {
  name: string
  title: string
  chart: ReactNode
  table: ReactNode
}): React.JSX.Element {
  const box = useRef<HTMLDivElement | null>(null)
  const svg = (): SVGSVGElement | null => box.current?.querySelector('svg') ?? null
  const [show, setShow] = useState<'chart' | 'table'>('chart')
  const action = useAction()
  return (
    <section className="chart-frame" aria-label={title}>
      <div className="chart-controls">
        <RadioGroup
          legend={`Show ${title.toLowerCase()} as`}
          hideLegend
          appearance="inline"
          options={[
            { value: 'chart', label: 'Chart' },
            { value: 'table', label: 'Table' }
          ]}
          value={show}
          onChange={setShow}
        />
        {show === 'chart' && (
          <>
            <button
              type="button"
              onClick={() => {
                const el = svg()
                if (el) saveSvg(el, name)
              }}
            >
              Save as SVG
            </button>
            <button
              type="button"
              onClick={() =>
                void action(async () => {
                  const el = svg()
                  if (el) await savePng(el, name)
                }, 'Could not save the chart as PNG')
              }
            >
              Save as PNG
            </button>
          </>
        )}
      </div>
      <div ref={box}>{show === 'chart' ? chart : table}</div>
    </section>
  )
}
