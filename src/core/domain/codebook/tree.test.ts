import { describe, expect, it } from 'vitest'
import type { Tag } from '../../../shared/model'
import { findByPath, pathOf, subtree, tagPaths, tagViews } from './tree'
import { describeTagRef, resolveTagRef, tagScope, taggedWithin } from './tag-rules'

const tag = (id: string, name: string, parent: string | null = null): Tag => ({
  id,
  name,
  parent,
  color: '#000000',
  description: ''
})

const book: Tag[] = [
  tag('a', 'Actors'),
  tag('l', 'Lazarus Group', 'a'),
  tag('s', 'State', 'a'),
  tag('c', 'Claims'),
  tag('f', 'Figures', 'c'),
  tag('cs', 'State', 'c'),
  tag('é', 'Économie')
]

describe('the codebook tree', () => {
  it('gives every tag its path, and each tag with everything below it', () => {
    expect(Object.fromEntries(tagPaths(book))).toMatchObject({
      l: 'Actors/Lazarus Group',
      cs: 'Claims/State',
      é: 'Économie'
    })
    expect(pathOf(book, 'f')).toBe('Claims/Figures')
    expect(pathOf(book, 'missing')).toBe('')
    expect([...subtree(book, 'a')].sort()).toEqual(['a', 'l', 's'])
    expect(findByPath(book, ' claims / STATE ')?.id).toBe('cs')
    expect(findByPath(book, 'Claims/Nope')).toBeUndefined()
    expect(tagViews(book, new Map([['l', 2]])).map((t) => `${t.path}:${t.count}`)).toEqual([
      'Actors:0',
      'Actors/Lazarus Group:2',
      'Actors/State:0',
      'Claims:0',
      'Claims/Figures:0',
      'Claims/State:0',
      'Économie:0'
    ])
  })

  it('handles a chain 20,000 tags deep without overflowing, and never loops on a cycle', () => {
    const deep: Tag[] = Array.from({ length: 20_000 }, (_, i) =>
      tag(`t${i}`, `n${i}`, i ? `t${i - 1}` : null)
    )
    expect(tagPaths(deep).get('t19999')?.split('/').length).toBe(20_000)
    expect(subtree(deep, 't0').size).toBe(20_000)
    expect(tagViews(deep, new Map()).length).toBe(20_000)
    const cycle = [tag('x', 'X', 'y'), tag('y', 'Y', 'x')]
    expect(tagPaths(cycle).size).toBe(2)
    expect(subtree(cycle, 'x').size).toBe(2)
    // Nothing is hidden: a loop, and a tag under a missing parent, are listed from the top.
    expect(tagViews(cycle, new Map()).map((t) => t.path)).toEqual(['X', 'X/Y'])
    const orphan = [tag('a', 'A', null), tag('b', 'B', 'gone'), tag('c', 'C', 'b')]
    expect(tagViews(orphan, new Map()).map((t) => t.path)).toEqual(['A', 'B', 'B/C'])
  })
})

describe('naming a tag', () => {
  it.each([
    ['l', 'l'],
    ['Actors/Lazarus Group', 'l'],
    ['actors/lazarus group', 'l'],
    ['Lazarus Group', 'l'],
    ['lazarus group', 'l'],
    ['economie', 'é'],
    ['Figures', 'f'],
    ['State', undefined],
    ['Nope', undefined],
    ['', undefined],
    ['Actors/Figures', undefined]
  ])('%j names %j', (ref, id) => {
    expect(resolveTagRef(book, ref)?.id).toBe(id)
  })

  it('says why a name names no tag', () => {
    expect(describeTagRef(book, 'State')).toBe(
      '"State" is the name of 2 tags (write its whole path)'
    )
    expect(describeTagRef(book, 'Nope')).toBe('No tag "Nope" in the codebook')
  })

  it('counts a passage as tagged with a tag when it carries the tag or one below it', () => {
    const actors = tagScope(book, ['a'])
    expect(taggedWithin({ tags: ['l'] }, actors)).toBe(true)
    expect(taggedWithin({ tags: ['a'] }, actors)).toBe(true)
    expect(taggedWithin({ tags: ['cs', 'f'] }, actors)).toBe(false)
    expect(taggedWithin({ tags: [] }, actors)).toBe(false)
  })
})
