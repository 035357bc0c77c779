import { describe, expect, it } from 'vitest'
import { parseLayout, serializeLayout } from './layout-storage'

const exists = (id: string): boolean => ['a', 'b', 'c'].includes(id)

describe('the saved layout', () => {
  it('reads back what was written', () => {
    const raw = serializeLayout(
      'themes',
      [
        { key: 'p1', docId: 'a' },
        { key: 'p2', docId: 'b' }
      ],
      'p2',
      false,
      true
    )
    expect(parseLayout(raw, exists)).toEqual({
      view: 'themes',
      docIds: ['a', 'b'],
      active: 1,
      libraryOpen: false,
      sidebarOpen: true
    })
  })

  it('drops documents that are no longer in the library, keeping the active one active', () => {
    const raw = JSON.stringify({ view: 'library', docIds: ['gone', 'a', 'c'], active: 2 })
    expect(parseLayout(raw, exists)).toMatchObject({ docIds: ['a', 'c'], active: 1 })
  })

  it.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['not an object', '42'],
    ['fields of the wrong kind', '{"view":"elsewhere","docIds":"a","active":"1","libraryOpen":1}']
  ])('falls back to the defaults for %s', (_, raw) => {
    expect(parseLayout(raw, exists)).toEqual({
      view: 'library',
      docIds: [],
      active: 0,
      libraryOpen: true,
      sidebarOpen: true
    })
  })

  it('keeps at most four panes', () => {
    const raw = JSON.stringify({ docIds: ['a', 'b', 'c', 'a', 'b'] })
    expect(parseLayout(raw, exists).docIds).toEqual(['a', 'b', 'c', 'a'])
  })
})
