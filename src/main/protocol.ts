import { readFile } from 'node:fs/promises'
import { extname, normalize, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME, CSP } from './security'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2'
}

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when it points anywhere else
 * (another host, `..` traversal, encoded separators, NUL bytes).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  // Encoded traversal ("%2e%2e", "%2f") only shows up after decoding; our own pages never use it.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..'))
    return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const base = resolve(root)
  const file = resolve(base, '.' + normalize(pathname))
  if (file !== base && !file.startsWith(base + sep)) return null
  return file
}

/** Serves the built renderer, and only it, from app://workbench/ with the CSP header. */
export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(root, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff'
        }
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

export const rendererIndexUrl = (): string => `${APP_SCHEME}://${APP_HOST}/index.html`
