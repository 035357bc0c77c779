import { useCallback, useState } from 'react'
import type { ImportOutcome } from '../../../shared/model'
import { fileTooLarge } from '../../../shared/format'
import { call, messageOf } from '../api'
import { isSupportedName } from './collect-files'

export interface ImportProgress {
  done: number
  total: number
  current: string
}

/**
 * Imports files one at a time, so that progress is exact and one bad file never stops the batch.
 * Files from a picked folder that are not documents are skipped; a named file that is not is reported.
 */
export function useImport(onImported: () => void): {
  progress: ImportProgress | null
  outcomes: ImportOutcome[] | null
  run: (files: File[], fromFolder?: boolean) => Promise<void>
  dismiss: () => void
} {
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null)

  const run = useCallback(
    async (picked: File[]) => {
      const files = picked.filter((f) => !f.webkitRelativePath || isSupportedName(f.name))
      if (files.length === 0) {
        setOutcomes([])
        return
      }
      setOutcomes(null)
      const { limits } = await call('getWorkspaceInfo')
      const results: ImportOutcome[] = []
      for (const [i, file] of files.entries()) {
        const name = file.webkitRelativePath || file.name
        setProgress({ done: i, total: files.length, current: name })
        try {
          if (file.size > limits.maxFileBytes) {
            results.push({
              status: 'failed',
              name,
              error: fileTooLarge(file.size, limits.maxFileBytes)
            })
          } else {
            const data = new Uint8Array(await file.arrayBuffer())
            const outcome = await call('importFile', { name: file.name, data })
            results.push({ ...outcome, name })
          }
        } catch (err) {
          results.push({ status: 'failed', name, error: messageOf(err) })
        }
        if (results[results.length - 1].status === 'imported') onImported()
      }
      setProgress(null)
      setOutcomes(results)
      onImported()
    },
    [onImported]
  )

  return { progress, outcomes, run, dismiss: () => setOutcomes(null) }
}
