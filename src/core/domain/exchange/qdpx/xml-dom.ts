import { DOMParser, type Element } from '@xmldom/xmldom'

/**
 * project.qde parsed into a DOM, with the few helpers the reader needs. @xmldom/xmldom is pure
 * JavaScript and has no network or file access: it expands no entity but the five of XML and
 * character references, never loads a DTD, and a declared entity is refused before parsing.
 * Elements are matched by local name, so a file that uses a prefix, or no namespace, is read too.
 */

export type { Element }

/** The XML text of bytes: UTF-8, or UTF-16 when a byte order mark says so; any BOM dropped. */
export function decodeXml(bytes: Uint8Array): string {
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8'
  const text = new TextDecoder(label).decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The root element, or the sentence saying why the XML cannot be read. */
export function parseXml(xml: string, label: string): { root: Element } | { error: string } {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml
  if (/<!ENTITY/i.test(text.slice(0, 65536)))
    return {
      error: `${label} declares entities, which a QDA-XML project never needs; it was not read.`
    }
  let firstError: string | null = null
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'fatalError') throw new Error(message)
        if (level === 'error' && firstError === null) firstError = message
      }
    }).parseFromString(text, 'text/xml')
    const root = doc.documentElement
    if (!root) return { error: `${label} has no root element.` }
    return { root }
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200)
    return { error: `${label} is not well-formed XML (${why}).` }
  }
}

/** The child elements with this local name. */
export function children(el: Element, name: string): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element)
  return out
}

/** Every child element. */
export function elements(el: Element): Element[] {
  const out: Element[] = []
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element)
  return out
}

export const child = (el: Element, name: string): Element | undefined => children(el, name)[0]

/** The attribute's value, or undefined when it is absent. */
export const attr = (el: Element, name: string): string | undefined =>
  el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined

/** The text of a child element ('' when there is none). */
export const childText = (el: Element, name: string): string => child(el, name)?.textContent ?? ''

/** A GUID as a key: lower case, without braces. */
export const guidKey = (g: string | undefined): string | undefined =>
  g === undefined
    ? undefined
    : g
        .trim()
        .replace(/^\{|\}$/g, '')
        .toLowerCase()

/** The targetGUID of each child reference element with this name. */
export const refs = (el: Element, name: string): string[] =>
  children(el, name)
    .map((r) => guidKey(attr(r, 'targetGUID')))
    .filter((g): g is string => !!g)

/** An integer attribute, or undefined when absent or not a whole number. */
export function intAttr(el: Element, name: string): number | undefined {
  const v = attr(el, name)?.trim()
  if (v === undefined || !/^[+-]?\d{1,15}$/.test(v)) return undefined
  return Number(v)
}
