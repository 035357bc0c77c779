import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { makeDocx } from '../../test-support/documents'
import { toApiError } from '../base/errors'
import { markdownProblem } from './markdown'
import { htmlDepth, MAX_HTML_DEPTH, parseBytes } from './parse-bytes'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const LIMIT = 50_000_000

describe('input that would make a parser take minutes', () => {
  it('reads a Markdown file with a paragraph of 400 KB of unclosed emphasis as plain text, and says so', async () => {
    const doc = await parseBytes('md', enc(`# Notes\n\n${'*a'.repeat(200_000)}`), LIMIT)
    expect(doc.text.startsWith('# Notes')).toBe(true)
    expect(doc.warnings.join('\n')).toMatch(
      /a paragraph of more than 50,000 characters, so it was read as plain text/
    )
  })

  it('still reads ordinary Markdown as Markdown', async () => {
    const doc = await parseBytes('md', enc('# Port\n\nShips *waited* offshore.'), LIMIT)
    expect(doc.text).toBe('Port\n\nShips waited offshore.')
    expect(doc.warnings).toEqual([])
  })

  it('refuses a page whose elements nest 400,000 deep, in one sentence', async () => {
    await expect(parseBytes('html', enc('<div>'.repeat(400_000) + 'x'), LIMIT)).rejects.toThrow(
      /^the page nests its elements 400,000 levels deep .*so it was not imported$/
    )
  })

  it('measures depth from tags alone, leaving out those whose end tag may be omitted', () => {
    expect(htmlDepth('<div><p>one<p>two<ul><li>a<li>b</ul></div><br><img src="x"/>')).toBe(2)
    expect(htmlDepth('<b><i>'.repeat(MAX_HTML_DEPTH))).toBe(2 * MAX_HTML_DEPTH)
    expect(htmlDepth('<div></div>'.repeat(50_000))).toBe(1)
    // Tags never closed by ">" are passed over in one scan.
    expect(htmlDepth('<a'.repeat(1_000_000))).toBe(0)
  })
})

describe('the parsers’ own errors, in plain words', () => {
  it('turns a Markdown parser error into one sentence, without its request to report it', () => {
    const err = markdownProblem(
      new Error(
        'Infinite loop on byte: 42\nPlease report this to https://github.com/markedjs/marked.'
      )
    )
    expect(err.message).toBe('the Markdown could not be read (Infinite loop on byte: 42)')
    expect(markdownProblem(new RangeError('Maximum call stack size exceeded')).message).toBe(
      'the Markdown nests too deeply to be read'
    )
  })

  it('says a structure nests too deeply instead of "Maximum call stack size exceeded"', () => {
    const overflow = (n: number): number => overflow(n + 1) + 1
    let caught: unknown
    try {
      overflow(0)
    } catch (err) {
      caught = err
    }
    expect(toApiError(caught)).toEqual({
      code: 'invalid-argument',
      message: 'its structure nests too deeply to be read (deeper than the app can follow)'
    })
  })
})

describe('a Word file with an XML entity it does not define', () => {
  it('is refused in one plain sentence, not the XML parser’s own message', async () => {
    const zip = await JSZip.loadAsync(await makeDocx([{ text: 'Quay report' }]))
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe2;&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    await expect(parseBytes('docx', bytes, LIMIT)).rejects.toThrow(
      /^the \.docx could not be read \(its XML is malformed\)$/
    )
  })
})
