import { useCallback, useState } from 'react'
import type { ImportOutcome } from '../../../shared/model'
import { ByteBudget } from '../../../shared/byte-budget'
import { fileTooLarge } from '../../../shared/format'
import { messageOf } from '../api'
import { useClient, useServices } from '../state/app-context'
import { isSupportedName } from './collect-files'

export interface ImportProgress {
  done: number
  total: number
  current: string
}

/**
 * How many files are sent to the core at once: enough that it can parse some while it saves
 * others (their catalog entries and texts are saved together), within a budget of bytes held.
 */
const IN_FLIGHT = 16
const IN_FLIGHT_BYTES = 64 * 1024 * 1024

export interface Importer {
  progress: ImportProgress | null
  outcomes: ImportOutcome[] | null
  run: (files: File[]) => Promise<void>
  dismiss: () => void
}

/**
 * Imports files a few at a time, with progress, so that one bad file never stops the batch.
 * Files from a picked folder that are not documents are skipped; a named file that is not is reported.
 */
export function useImport(): Importer {
  const client = useClient()
  const { ui } = useServices()
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null)
  // The library follows along (a few times a second), not reloaded for every one of many files.
  const onImported = useCallback(
    () => client.resources.invalidate(['documents', 'search', 'info']),
    [client]
  )

  const run = useCallback(
    async (picked: File[]) => {
      const files = picked.filter((f) => !f.webkitRelativePath || isSupportedName(f.name))
      if (files.length === 0) {
        setOutcomes([])
        return
      }
      setOutcomes(null)
      const { limits } = await client.call('getWorkspaceInfo')
      const results: ImportOutcome[] = new Array(files.length)
      let done = 0
      let next = 0
      let lastRefresh = Date.now()
      setProgress({ done: 0, total: files.length, current: files[0].name })
      const importOne = async (file: File): Promise<ImportOutcome> => {
        const name = file.webkitRelativePath || file.name
        try {
          if (file.size > limits.maxFileBytes)
            return { status: 'failed', name, error: fileTooLarge(file.size, limits.maxFileBytes) }
          const data = new Uint8Array(await file.arrayBuffer())
          const read = ui.get().wholePages ? { wholePage: true } : undefined
          const outcome = await client.call('importFile', {
            name: file.name,
            data,
            ...(read ? { read } : {})
          })
          return { ...outcome, name }
        } catch (err) {
          return { status: 'failed', name, error: messageOf(err) }
        }
      }
      // A few files in flight at once: the core saves their catalog entries together, and keeps
      // them in the order of the files.
      const budget = new ByteBudget(IN_FLIGHT_BYTES)
      const worker = async (): Promise<void> => {
        while (next < files.length) {
          const i = next++
          const name = files[i].webkitRelativePath || files[i].name
          const give = await budget.take(files[i].size)
          try {
            results[i] = await importOne(files[i])
          } finally {
            give()
          }
          done++
          setProgress({ done, total: files.length, current: name })
          // The library follows along, but is not reloaded for every one of many files.
          if (results[i].status === 'imported' && Date.now() - lastRefresh > 300) {
            lastRefresh = Date.now()
            onImported()
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker))
      setProgress(null)
      setOutcomes(results)
      onImported()
    },
    [onImported, client, ui]
  )

  return { progress, outcomes, run, dismiss: () => setOutcomes(null) }
}
