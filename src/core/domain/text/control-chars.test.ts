import { describe, expect, it } from 'vitest'
import { CONTROL_CHARS, safeJson, terminalSafe, withoutControls } from './control-chars'

const hasControls = (s: string): boolean => new RegExp(CONTROL_CHARS.source).test(s)

const HOSTILE = 'Title\x1b[2J\x1b]0;owned\x07 \x9b31m red\x7f\r\nnext\tline'

describe('control characters', () => {
  it('never reach a terminal: each is shown as its code', () => {
    const shown = terminalSafe(HOSTILE)
    expect(shown).toBe('Title\\x1B[2J\\x1B]0;owned\\x07 \\x9B31m red\\x7F\r\nnext\tline')
    expect(terminalSafe('fake\rreal')).toBe('fake\\x0Dreal')
    expect(hasControls(shown.replace(/\r\n/g, '\n'))).toBe(false)
  })

  it('are dropped from exported text, line breaks and tabs kept', () => {
    expect(withoutControls(HOSTILE)).toBe('Title[2J]0;owned 31m red\nnext\tline')
  })

  it('are spelled out in JSON, which still reads back the same', () => {
    const out = safeJson({ title: HOSTILE, sep: 'a\u2028b' }, 2)
    expect(hasControls(out) || out.includes('\u2028')).toBe(false)
    expect(JSON.parse(out)).toEqual({ title: HOSTILE, sep: 'a\u2028b' })
  })
})
