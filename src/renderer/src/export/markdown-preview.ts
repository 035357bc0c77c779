/** YAML front matter at the top of a Markdown export, as pairs, and the Markdown after it. */
export function splitFrontMatter(md: string): { front: [string, string][]; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md)
  if (!m) return { front: [], body: md }
  const front: [string, string][] = []
  for (const line of m[1].split('\n')) {
    const at = line.indexOf(':')
    if (at <= 0) continue
    const value = line.slice(at + 1).trim()
    // Quoted YAML strings are shown without their quotes.
    let shown = value
    if (/^".*"$/.test(value)) {
      try {
        shown = String(JSON.parse(value))
      } catch {
        shown = value.slice(1, -1)
      }
    }
    front.push([line.slice(0, at).trim(), shown])
  }
  return { front, body: md.slice(m[0].length) }
}

/** The preview shows at most this much (a whole workspace's notes can be megabytes). */
export const PREVIEW_CHARS = 50_000

export const cutForPreview = (text: string): string =>
  text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}\n…` : text
