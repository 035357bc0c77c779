/**
 * A small XML writer: the QDA-XML vocabulary is fixed and shallow, so elements are written as
 * strings with every text and attribute value escaped here, in one place. Characters that XML 1.0
 * does not allow (most C0 controls, lone surrogates, U+FFFE and U+FFFF) are removed: a parser
 * would refuse the whole file for one of them.
 */

const ILLEGAL =
  // eslint-disable-next-line no-control-regex -- removing the characters XML forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** The text with the characters XML 1.0 forbids removed. */
export const xmlLegal = (s: string): string => s.replace(ILLEGAL, '')

/** Text content: markup characters escaped, and a carriage return kept as a reference (a parser turns a raw one into a line feed). */
export const escapeText = (s: string): string =>
  xmlLegal(s).replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'
  )

/** An attribute value in double quotes: also quotes, and the white space a parser would fold into spaces. */
export const escapeAttr = (s: string): string =>
  xmlLegal(s).replace(/[&<>"\r\n\t]/g, (c) => ATTR[c])

const ATTR: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;'
}

export type Attrs = Record<string, string | number | boolean | null | undefined>

/** Collects the document as string parts; elements are opened and closed in order. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n']
  private depth = 0

  private attrs(attrs: Attrs): string {
    let out = ''
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined) continue
      out += ` ${name}="${escapeAttr(String(value))}"`
    }
    return out
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }

  open(name: string, attrs: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}>\n`)
    this.depth++
    return this
  }

  close(name: string): this {
    this.depth--
    this.parts.push(`${this.indent()}</${name}>\n`)
    return this
  }

  /** An element with no children. */
  empty(name: string, attrs: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}/>\n`)
    return this
  }

  /** An element holding only text (kept exactly: no indentation is added inside it). */
  text(name: string, text: string, attrs: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}>${escapeText(text)}</${name}>\n`)
    return this
  }

  toString(): string {
    return this.parts.join('')
  }
}
