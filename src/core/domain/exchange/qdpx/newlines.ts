/**
 * Texts from other tools may end lines with CR LF or CR; the workbench's texts use LF. The text
 * with LF line ends, and a map from offsets into the original to offsets into it.
 */
export function withLineFeeds(text: string): { text: string; map: (u: number) => number } {
  if (!text.includes('\r')) return { text, map: (u) => u }
  const dropped: number[] = [] // each CR that is followed by LF
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) === 10) dropped.push(i)
  const map = (u: number): number => {
    let lo = 0
    let hi = dropped.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (dropped[mid] < u) lo = mid + 1
      else hi = mid
    }
    return u - lo
  }
  return { text: text.replace(/\r\n?/g, '\n'), map }
}
