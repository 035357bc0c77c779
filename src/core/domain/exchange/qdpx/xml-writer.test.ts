import { describe, expect, it } from 'vitest'
import { escapeAttr, escapeText, xmlLegal, XmlWriter } from './xml-writer'

describe('the XML writer', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['line\r\nnext', 'line&#13;\nnext'],
    ['bell\u0007 nul\u0000 ok\ttab', 'bell nul ok\ttab'],
    ['emoji 🚢 stays, lone \ud800 goes, \ufffe too', 'emoji 🚢 stays, lone  goes,  too']
  ])('escapes text %j', (input, out) => {
    expect(escapeText(input)).toBe(out)
  })

  it('escapes attribute values, keeping their line breaks and tabs', () => {
    expect(escapeAttr('say "hi"\n\tnow & <then>')).toBe(
      'say &quot;hi&quot;&#10;&#9;now &amp; &lt;then&gt;'
    )
  })

  it('removes exactly the characters XML 1.0 forbids', () => {
    const allowed = '\t\n\r a\u0085\u00a0\ud7ff\ue000\ufffd𠀀'
    expect(xmlLegal(allowed)).toBe(allowed)
    expect(xmlLegal('\u0001\u001f\udfff\uffff')).toBe('')
  })

  it('writes nested elements, skipping absent attributes', () => {
    const w = new XmlWriter()
    w.open('A', { x: 1, y: undefined, z: null }).text('B', 'hi').empty('C', { ok: true }).close('A')
    expect(w.toString()).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<A x="1">\n  <B>hi</B>\n  <C ok="true"/>\n</A>\n'
    )
  })
})
