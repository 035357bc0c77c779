import { describe, expect, it } from 'vitest'
import { mergeLines } from './merge-lines'

const A = (text: string) => ({ text, label: 'laptop-a' })
const B = (text: string) => ({ text, label: 'laptop-b' })
const base = 'Attack on Monday.\nCranes stopped.\nPort reopened Tuesday.'

describe('three-way note merge', () => {
  it.each([
    ['nobody changed it', base, base, base],
    [
      'one side changed it',
      base.replace('Monday', 'Sunday'),
      base,
      base.replace('Monday', 'Sunday')
    ],
    [
      'the other side changed it',
      base,
      base.replace('Tuesday', 'Wed.'),
      base.replace('Tuesday', 'Wed.')
    ],
    ['both made the same change', base + '\nSame.', base + '\nSame.', base + '\nSame.'],
    [
      'they changed different lines: both kept',
      base.replace('Monday', 'Sunday'),
      base.replace('Tuesday', 'Wednesday'),
      'Attack on Sunday.\nCranes stopped.\nPort reopened Wednesday.'
    ],
    [
      'one added a line at the end, the other changed the first',
      base + '\nCheck the log.',
      base.replace('Attack', 'Ransomware attack'),
      'Ransomware attack on Monday.\nCranes stopped.\nPort reopened Tuesday.\nCheck the log.'
    ],
    ['one cleared the note, the other left it', '', base, '']
  ])('%s', (_, a, b, merged) => {
    expect(mergeLines(A(a), base, B(b))).toEqual({ text: merged, conflicts: 0 })
  })

  it('marks a conflict when both edited the same line, the later change first', () => {
    const got = mergeLines(
      A(base.replace('stopped', 'halted')),
      base,
      B(base.replace('stopped', 'froze'))
    )
    expect(got).toEqual({
      text: [
        'Attack on Monday.',
        '<<<<<<< laptop-a',
        'Cranes halted.',
        '=======',
        'Cranes froze.',
        '>>>>>>> laptop-b',
        'Port reopened Tuesday.'
      ].join('\n'),
      conflicts: 1
    })
  })

  it('marks a conflict when both added different lines at the same place', () => {
    expect(mergeLines(A('x\nfrom a'), 'x', B('x\nfrom b')).conflicts).toBe(1)
  })

  it('without a base, keeps two different notes both, marked', () => {
    expect(mergeLines(A('mine'), '', B('theirs'))).toEqual({
      text: '<<<<<<< laptop-a\nmine\n=======\ntheirs\n>>>>>>> laptop-b',
      conflicts: 1
    })
  })

  it('changes nothing when a merged note is merged again with the same other side', () => {
    const a = A(base.replace('stopped', 'halted') + '\nmine')
    const b = B('Intro.\n' + base.replace('stopped', 'froze'))
    const once = mergeLines(a, base, b)
    expect(once.conflicts).toBe(1)
    expect(mergeLines(A(once.text), base, b)).toEqual({ text: once.text, conflicts: 0 })
    expect(mergeLines(B(once.text), base, a)).toEqual({ text: once.text, conflicts: 0 })
  })
})
