import { describe, expect, it } from 'vitest'
import {
  badgeText,
  credibilityLevel,
  CREDIBILITY_SCALE,
  isInformationCredibility,
  isSourceReliability,
  reliabilityLevel,
  RELIABILITY_SCALE
} from './reliability'

describe('the Admiralty scales', () => {
  it.each([
    ['A', 'Completely reliable'],
    ['B', 'Usually reliable'],
    ['C', 'Fairly reliable'],
    ['D', 'Not usually reliable'],
    ['E', 'Unreliable'],
    ['F', 'Reliability cannot be judged']
  ] as const)('reliability %s reads “%s”', (value, label) => {
    expect(reliabilityLevel(value).label).toBe(label)
  })

  it.each([
    [1, 'Confirmed by other sources'],
    [2, 'Probably true'],
    [3, 'Possibly true'],
    [4, 'Doubtful'],
    [5, 'Improbable'],
    [6, 'Truth cannot be judged']
  ] as const)('credibility %s reads “%s”', (value, label) => {
    expect(credibilityLevel(value).label).toBe(label)
  })

  it('keeps "cannot be judged" apart from the worst grade', () => {
    expect(reliabilityLevel('F').meaning).toMatch(/not the same as unreliable \(E\)/)
    expect(credibilityLevel(6).meaning).toMatch(/not the same as improbable \(5\)/)
  })

  it('has one sentence of meaning per level, in order', () => {
    expect(RELIABILITY_SCALE.map((l) => l.value).join('')).toBe('ABCDEF')
    expect(CREDIBILITY_SCALE.map((l) => l.value)).toEqual([1, 2, 3, 4, 5, 6])
    for (const l of [...RELIABILITY_SCALE, ...CREDIBILITY_SCALE])
      expect(l.meaning).toMatch(/^[A-Z].*\.$/)
  })

  it.each([
    ['A', true],
    ['F', true],
    ['G', false],
    ['a', false],
    [1, false]
  ] as const)('isSourceReliability(%j) is %s', (v, ok) => expect(isSourceReliability(v)).toBe(ok))

  it.each([
    [1, true],
    [6, true],
    [0, false],
    [7, false],
    [2.5, false],
    ['2', false]
  ] as const)('isInformationCredibility(%j) is %s', (v, ok) =>
    expect(isInformationCredibility(v)).toBe(ok)
  )
})

describe('badgeText', () => {
  it.each([
    ['B', 2, 'B2'],
    ['F', 6, 'F6'],
    ['A', null, 'A–'],
    [null, 3, '–3'],
    [null, null, '–'],
    [undefined, undefined, '–']
  ] as const)('%s + %s → %s', (r, c, badge) => expect(badgeText(r, c)).toBe(badge))
})
