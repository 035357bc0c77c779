/**
 * Saves a chart as SVG or PNG. The SVG is the chart's own markup with its colours and fonts
 * written in (a saved file has no stylesheet); the PNG is that SVG drawn on a canvas at twice its
 * size, through a data: URL (the app's Content-Security-Policy allows images from data: only).
 */
import { saveText } from '../export/save'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** The chart as a standalone SVG document. */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('xmlns', SVG_NS)
  const { width, height } = svg.getBoundingClientRect()
  copy.setAttribute('width', String(Math.round(width)))
  copy.setAttribute('height', String(Math.round(height)))
  // Text takes the look it has on screen.
  const style = document.createElementNS(SVG_NS, 'style')
  style.textContent =
    'text{font-family:system-ui,sans-serif;font-size:12px;fill:#202124}.axis line,.axis path{stroke:#9aa0a6}'
  copy.insertBefore(style, copy.firstChild)
  return new XMLSerializer().serializeToString(copy)
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  saveText(`${name}.svg`, svgMarkup(svg), 'image/svg+xml')
}

export async function savePng(svg: SVGSVGElement, name: string): Promise<void> {
  const markup = svgMarkup(svg)
  const { width, height } = svg.getBoundingClientRect()
  const img = new Image()
  const bytes = new TextEncoder().encode(markup)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  img.src = `data:image/svg+xml;base64,${btoa(binary)}`
  await img.decode()
  const scale = 2
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(width * scale))
  canvas.height = Math.max(1, Math.round(height * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this window cannot draw images')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('the image could not be made')
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `${name}.png`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
