import type { Session, WebContents } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'workbench'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The Content-Security-Policy of every page: nothing but the app's own files, no inline scripts. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** What the renderer may load: its own files, inline data it made itself, and the developer tools. */
const ALLOWED_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:'])

/**
 * Whether the renderer may load a URL: only the schemes above. Every http, https, ws and ftp
 * request — and file: and anything else — is cancelled; the one exception is the local dev server
 * while developing (`npm run dev`).
 */
export function isAllowedRequest(url: string, devServer?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (devServer && parsed.origin === new URL(devServer).origin) return true
  return ALLOWED_SCHEMES.has(parsed.protocol)
}

/** Whether an IPC call comes from our own page (not from some frame or page that got loaded). */
export function isTrustedSender(frameUrl: string | undefined, devServer?: string): boolean {
  if (!frameUrl) return false
  if (frameUrl.startsWith(`${APP_ORIGIN}/`)) return true
  return Boolean(devServer) && frameUrl.startsWith(new URL(devServer as string).origin + '/')
}

/** The only permission the app grants: writing to the clipboard ("Copy as Markdown"). */
export const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/** Cancels network requests and denies every permission (camera, notifications, geolocation, …) but clipboard writing. */
export function hardenSession(session: Session, devServer?: string): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServer) })
  })
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission))
  )
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
  session.setDevicePermissionHandler?.(() => false)
  session.setSpellCheckerEnabled?.(false)
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
