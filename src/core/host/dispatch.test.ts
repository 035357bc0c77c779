import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { sourceWorker } from '../../test-support/worker'
import { WorkbenchError } from '../base/errors'
import { createWorkbench } from '../workbench'
import { dispatch } from './dispatch'

const tempDir = useTempDirs()

describe('dispatch', () => {
  it('returns values and errors as structured-clone-safe results', async () => {
    const wb = await createWorkbench(await tempDir(), { parserWorker: sourceWorker })
    const imported = await dispatch(wb, 'importFile', [
      { name: 'a.txt', data: new TextEncoder().encode('Port reopens.') }
    ])
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } })
    const listed = await dispatch(wb, 'listDocuments', [])
    expect(structuredClone(listed)).toEqual(listed)
    expect(await dispatch(wb, 'getDocument', ['missing'])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No document with id missing in this workspace.' }
    })
    // A title cleared in the details dialog reaches the core, which says why in its own words.
    const [{ id }] = await wb.listDocuments()
    expect(await dispatch(wb, 'updateDocumentDetails', [id, { title: null }])).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'A document needs a title.' }
    })
    await wb.close()
  })

  it.each([
    ['an unknown method', 'deleteEverything', []],
    ['a prototype key', 'constructor', []],
    ['a wrong argument type', 'getDocument', [{ id: 1 }]],
    ['extra arguments', 'listDocuments', [1]],
    [
      'extra fields',
      'importFile',
      [{ name: 'a.txt', data: new Uint8Array(), path: '/etc/passwd' }]
    ],
    // An exported table has every column: the screen's column limit is not for it.
    [
      'a column limit on an exported table',
      'analysisTable',
      [{ kind: 'matrix', cols: 'documents', maxCols: 5 }, 'csv']
    ]
  ])('refuses %s without calling the core', async (_, method, args) => {
    const core = new Proxy(
      {},
      { get: () => () => Promise.reject(new Error('core must not be called')) }
    )
    const result = await dispatch(core as never, method, args)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('reports unexpected errors without a stack trace', async () => {
    const internal: unknown[] = []
    const core = {
      listDocuments: () => Promise.reject(new TypeError('x is undefined')),
      getDocument: () => Promise.reject(new WorkbenchError('locked', 'In use.'))
    }
    expect(await dispatch(core as never, 'listDocuments', [], (e) => internal.push(e))).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error: x is undefined' }
    })
    expect(internal).toHaveLength(1)
    expect(await dispatch(core as never, 'getDocument', ['a'])).toEqual({
      ok: false,
      error: { code: 'locked', message: 'In use.' }
    })
  })
})
