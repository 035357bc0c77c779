import type { QdaProject } from '../core/domain/exchange/qdpx/project'

/** Texts with astral characters (an emoji, CJK Extension B), CR-free, as the workbench stores them. */
export const PORT_TEXT =
  'Averly port halted cranes 🚢 after ransomware hit the terminal.\n' +
  'Officials named 𠀀𠀁 Group, citing “safety systems”.\n' +
  'The port reopened on Tuesday.'
export const BLOG_TEXT = 'A blog says <script> & "insiders" did it.\u0007 Nobody confirms.'

const at = (text: string, quote: string): [number, number] => {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  return [start, start + quote.length]
}

/** A small project using every part the writer knows. */
export function sampleProject(): QdaProject {
  const [s1, e1] = at(PORT_TEXT, 'cranes 🚢 after')
  const [s2, e2] = at(PORT_TEXT, '𠀀𠀁 Group')
  const [s3, e3] = at(PORT_TEXT, 'reopened')
  const [s4, e4] = at(BLOG_TEXT, '"insiders" did it')
  return {
    name: 'Averly case',
    created: '2025-03-01T09:00:00.000Z',
    modified: '2025-03-02T10:00:00.000Z',
    users: [{ id: 'u1', name: 'Analyst One' }],
    documents: [
      {
        id: 'a1b2c3d4e5',
        title: 'Port halted — Averly Gazette',
        text: PORT_TEXT,
        note: 'Check the crane log.\nAsk the port authority.',
        details: {
          author: 'J. Doe',
          published: '2025-03-01',
          source: 'Averly Gazette',
          reliability: 'B',
          credibility: 2,
          flags: ['key source']
        },
        created: '2025-03-01T09:05:00.000Z'
      },
      {
        id: 'f6e5d4c3b2',
        title: 'Blog & <rumours>',
        text: BLOG_TEXT,
        note: '',
        details: { source: 'Sensational blog', reliability: 'E' }
      }
    ],
    codes: [
      { id: 'tact', name: 'Actors', parent: null, color: '#2563eb', description: 'Who did what' },
      { id: 'tlaz', name: '𠀀𠀁 Group', parent: 'tact', color: '#db2777', description: '' },
      {
        id: 'timp',
        name: 'Impact',
        parent: null,
        color: 'not a colour',
        description: 'Effects <on> the port & town'
      }
    ],
    highlights: [
      {
        id: 'a1b2c3d4e5.01',
        docId: 'a1b2c3d4e5',
        start: s1,
        end: e1,
        tags: ['timp'],
        note: 'Cranes stopped 🚢.',
        credibility: 2,
        created: '2025-03-01T09:10:00.000Z',
        modified: '2025-03-01T09:12:00.000Z',
        userId: 'u1'
      },
      {
        id: 'a1b2c3d4e5.02',
        docId: 'a1b2c3d4e5',
        start: s2,
        end: e2,
        tags: ['tlaz', 'tact'],
        note: '',
        created: '2025-03-01T09:11:00.000Z'
      },
      {
        id: 'a1b2c3d4e5.03',
        docId: 'a1b2c3d4e5',
        start: s3,
        end: e3,
        tags: [],
        note: 'Reopening date\r\nto confirm'
      },
      {
        id: 'f6e5d4c3b2.01',
        docId: 'f6e5d4c3b2',
        start: s4,
        end: e4,
        tags: ['tact'],
        note: 'Unsourced\u0001 claim',
        credibility: 5
      }
    ],
    memos: [
      {
        id: 'm1',
        title: 'Timeline',
        text: 'Day 1: attack.\nDay 3: reopening.',
        docIds: ['a1b2c3d4e5'],
        tagIds: ['timp'],
        created: '2025-03-02T08:00:00.000Z',
        modified: '2025-03-02T08:30:00.000Z'
      },
      {
        id: 'm2',
        title: 'Open questions',
        text: 'Who paid?',
        docIds: [],
        tagIds: [],
        created: '',
        modified: ''
      }
    ]
  }
}
