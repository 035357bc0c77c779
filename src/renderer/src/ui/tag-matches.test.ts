import { describe, expect, it } from 'vitest'
import type { TagView } from '../../../shared/model'
import { tagOptions } from './tag-matches'

const tag = (id: string, path: string): TagView => ({
  id,
  path,
  name: path.split('/').pop() ?? path,
  parent: null,
  color: '#888',
  description: '',
  count: 0
})
const TAGS = [
  tag('t1', 'Claims'),
  tag('t2', 'Claims/Figures'),
  tag('t3', 'Sources/Official claims'),
  tag('t4', 'Safety')
]
const labels = (typed: string, exclude: string[] = []): string[] =>
  tagOptions(TAGS, exclude, typed, true).map((o) => ('tag' in o ? o.tag.path : `+${o.create}`))

describe('tagOptions', () => {
  it.each([
    ['a partial path offers the tag, then Create', 'Claims/Fig', ['Claims/Figures', '+Claims/Fig']],
    [
      'an exact path comes first and offers no Create',
      'claims',
      ['Claims', 'Claims/Figures', 'Sources/Official claims']
    ],
    ['nothing matching: Create is the only entry', 'Lazarus', ['+Lazarus']],
    ['spaces around the slash are tidied', 'Actors / Lazarus', ['+Actors/Lazarus']],
    ['accents and case do not matter', 'SAFÉTY', ['Safety']],
    [
      'nothing typed lists the codebook',
      '',
      ['Claims', 'Claims/Figures', 'Sources/Official claims', 'Safety']
    ]
  ])('%s', (_, typed, expected) => {
    expect(labels(typed)).toEqual(expected)
  })

  it('leaves out tags already applied, and Create where creating is not offered', () => {
    expect(labels('claims', ['t1'])).toEqual(['Claims/Figures', 'Sources/Official claims'])
    expect(tagOptions(TAGS, [], 'Lazarus', false)).toEqual([])
  })
})
