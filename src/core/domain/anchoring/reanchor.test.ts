import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../shared/model'
import { describeRange } from './describe'
import { anchorQuote } from './match-quote'
import { reanchor } from './reanchor'

const OLD =
  'The port of Averly stopped loading ships on Monday. Officials blamed a ransomware attack. ' +
  'A blog claimed that a foreign state was behind it, without evidence.'

const highlight = (
  id: string,
  text: string,
  quote: string,
  status: Annotation['status'] = 'anchored'
): Annotation => {
  const start = text.indexOf(quote)
  return {
    id: `d.${id}`,
    docId: 'd',
    ...describeRange(text, start, start + quote.length),
    status,
    color: 'yellow',
    tags: ['t1'],
    note: `note ${id}`,
    created: '2025-01-01T00:00:00.000Z',
    modified: '2025-01-01T00:00:00.000Z'
  }
}

describe('reanchor', () => {
  it('reports what stayed, moved or was lost, keeps everything else of each highlight, and sorts them', () => {
    const stays = highlight('1', OLD, 'The port of Averly')
    const moves = highlight('2', OLD, 'a ransomware attack')
    const edited = highlight('3', OLD, 'a foreign state was behind it')
    const lost = highlight('4', OLD, 'without evidence')
    const NEW =
      'The port of Averly stopped loading ships on Monday morning. Officials blamed a ransomware attack. ' +
      'A blog claimed that a foreign power was behind it.'
    const { annotations, report } = reanchor(NEW, [lost, edited, moves, stays])
    expect(report).toEqual({ anchored: 1, moved: 2, orphaned: 1 })
    expect(annotations.map((a) => a.id)).toEqual(['d.1', 'd.2', 'd.3', 'd.4'])
    const byId = new Map(annotations.map((a) => [a.id, a]))
    expect(NEW.slice(byId.get('d.2')?.position.start, byId.get('d.2')?.position.end)).toBe(
      'a ransomware attack'
    )
    expect(byId.get('d.3')?.quote.exact).toBe('a foreign power was behind it')
    expect(byId.get('d.4')).toMatchObject({ status: 'orphaned', quote: lost.quote, note: 'note 4' })
    expect(byId.get('d.2')).toMatchObject({ tags: ['t1'], note: 'note 2', created: moves.created })
  })

  it('counts an orphan found again as moved, and never changes what it was given', () => {
    const orphan = highlight('1', OLD, 'Officials blamed', 'orphaned')
    const before = structuredClone(orphan)
    const { annotations, report } = reanchor(OLD, [orphan])
    expect(report).toEqual({ anchored: 0, moved: 1, orphaned: 0 })
    expect(annotations[0].status).toBe('anchored')
    expect(orphan).toEqual(before)
  })
})

describe('the anchoring score', () => {
  it('falls as the quote found differs more from the one saved', () => {
    const quote = 'Officials blamed a ransomware attack on the harbour systems'
    const text = `Unrelated opening words here. ${quote}. Unrelated closing words here.`
    const saved = describeRange(text, text.indexOf(quote), text.indexOf(quote) + quote.length)
    // Each version changes one more letter inside the quote; its context stays the same.
    const scores = [0, 1, 2, 4, 6, 8].map((edits) => {
      let changed = quote
      for (let i = 0; i < edits; i++) {
        const at = 5 + i * 6
        changed = changed.slice(0, at) + 'X' + changed.slice(at + 1)
      }
      const found = anchorQuote(text.replace(quote, changed), saved.quote, {
        ...saved.position,
        start: saved.position.start + 1
      })
      return found.status === 'anchored' ? found.score : 0
    })
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1])
    expect(scores[0]).toBeGreaterThan(0.95)
    expect(anchorQuote(text, saved.quote, saved.position)).toMatchObject({ score: 1 })
  })
})
