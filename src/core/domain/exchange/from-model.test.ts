import { describe, expect, it } from 'vitest'
import type { Annotation, DocumentMeta, Memo, Tag } from '../../../shared/model'
import { sha256 } from '../../../test-support/case-sample'
import { qdaSchemaErrors } from '../../../test-support/xsd'
import { readBundle, writeBundle } from './bundle/bundle-zip'
import { caseFromWorkspace } from './bundle/from-model'
import { projectFromWorkspace } from './qdpx/from-model'
import { renderProject } from './qdpx/write-project'

const T0 = '2025-03-01T09:00:00.000Z'
const text = 'Cranes 🚢 halted at Averly port.'
const meta = (id: string, t: string): DocumentMeta => ({
  id,
  title: `Doc ${id}`,
  stored: { pack: 'pack-000001.awp', at: 0, text: 0, blocks: 0, original: 0 },
  author: null,
  published: null,
  source: 'Gazette',
  originalName: `${id}.txt`,
  format: 'txt',
  sha256: sha256(`file ${id}`),
  textSha256: sha256(t),
  bytes: t.length,
  chars: t.length,
  words: 5,
  importedAt: T0,
  importOrder: 1
})
const tags: Tag[] = [{ id: 'tim', name: 'Impact', parent: null, color: '#059669', description: '' }]
const annotation = (docId: string, status: Annotation['status']): Annotation => ({
  id: `${docId}.1`,
  docId,
  quote: { type: 'TextQuoteSelector', exact: 'halted', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 10, end: 16 },
  status,
  color: 'yellow',
  tags: ['tim'],
  note: 'n',
  created: T0,
  modified: T0
})
const memos: Memo[] = [
  {
    id: 'm1',
    title: 'M',
    text: 't',
    docIds: ['aaaaaaaaaa', 'bbbbbbbbbb'],
    tagIds: ['tim'],
    created: T0,
    modified: T0
  }
]

describe('from the workspace model', () => {
  it('builds a project that exports valid QDA-XML, leaving orphans out', async () => {
    const { project, orphans } = projectFromWorkspace({
      name: 'Case',
      user: { id: 'me', name: 'Me' },
      tags,
      memos,
      documents: [
        {
          meta: meta('aaaaaaaaaa', text),
          text,
          note: 'doc note',
          annotations: [annotation('aaaaaaaaaa', 'anchored')],
          details: { reliability: 'C' },
          credibility: new Map([['aaaaaaaaaa.1', 3]])
        },
        {
          meta: meta('cccccccccc', text + '!'),
          text: text + '!',
          note: '',
          annotations: [annotation('cccccccccc', 'orphaned')]
        }
      ]
    })
    expect(orphans).toBe(1)
    expect(project.memos[0].docIds).toEqual(['aaaaaaaaaa'])
    expect(project.highlights).toMatchObject([{ start: 10, end: 16, credibility: 3 }])
    expect(await qdaSchemaErrors(renderProject(project).xml)).toEqual([])
  })

  it('builds a case state that a bundle carries and reads back, naming the documents memos link', async () => {
    const other = 'Another text.'
    const state = caseFromWorkspace({
      documents: [
        {
          meta: meta('aaaaaaaaaa', text),
          note: '',
          annotations: [annotation('aaaaaaaaaa', 'anchored')]
        }
      ],
      catalog: [meta('aaaaaaaaaa', text), meta('bbbbbbbbbb', other)],
      tags,
      memos,
      codebookModified: T0
    })
    expect(state.documents.map((d) => [d.id, d.included])).toEqual([
      ['aaaaaaaaaa', true],
      ['bbbbbbbbbb', false]
    ])
    const bytes = await writeBundle(
      {
        manifest: {
          id: 'x1',
          createdAt: T0,
          from: { workspaceId: 'w1' },
          to: null,
          lastExchange: null
        },
        state,
        texts: new Map([['aaaaaaaaaa', text]])
      },
      sha256
    )
    const back = await readBundle(bytes, sha256)
    expect(back.ok && back.bundle.state).toEqual(state)
  })
})
