import { describe, expect, it } from 'vitest'
import { markdownToDocument } from './markdown'
import { chooseTitle } from './title'

describe('markdownToDocument', () => {
  it('reads front matter and turns Markdown into plain text blocks', () => {
    const doc = markdownToDocument(`---
title: "Averly council statement"
author: Office of the Mayor
date: 2025-03-05
source: Averly Town Council
---
# Statement on the flood

The council **thanks** the [volunteers](https://example.org) who worked through the night.

- Sandbags at the school
- Shelter in the town hall

> Stay away from the river banks.
`)
    expect(doc.hints).toEqual({
      title: 'Averly council statement',
      author: 'Office of the Mayor',
      published: '2025-03-05',
      source: 'Averly Town Council'
    })
    expect(doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)])).toEqual([
      ['heading', 'Statement on the flood'],
      ['paragraph', 'The council thanks the volunteers who worked through the night.'],
      ['list-item', 'Sandbags at the school'],
      ['list-item', 'Shelter in the town hall'],
      ['quote', 'Stay away from the river banks.']
    ])
  })

  it('drops raw HTML scripts embedded in Markdown', () => {
    const doc = markdownToDocument(
      'Before\n\n<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\nAfter'
    )
    expect(doc.text).toBe('Before\n\nAfter')
  })

  it('works without front matter', () => {
    expect(markdownToDocument('Just *one* line').hints.title).toBeNull()
  })
})

describe('Markdown titles', () => {
  it('takes a title-like first line before a later sub-heading', () => {
    const doc = markdownToDocument(
      'Crypto thefts and the ports: a discussion between three harbour authorities\n\nThe meeting was long.\n\n## Understanding the issue\n\nMore.'
    )
    expect(chooseTitle(doc, 'notes.md')).toBe(
      'Crypto thefts and the ports: a discussion between three harbour authorities'
    )
  })
})
