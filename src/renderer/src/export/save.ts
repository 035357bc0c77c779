/**
 * Saves text as a file through the browser's download: in the desktop app Electron shows the
 * native Save dialog for it; in a browser it lands in the downloads folder.
 */
export function saveText(filename: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Copies text to the clipboard; where the Clipboard API is unavailable, through a hidden text area. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text)
    return
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.className = 'visually-hidden'
  document.body.append(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('the clipboard is not available')
}

/** Saves bytes (a zip: .qdpx, .awb) as a file, the same way as saveText. */
export function saveBytes(filename: string, data: Uint8Array, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
