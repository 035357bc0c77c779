import { useCallback, useRef, useState } from 'react'
import type { Change, UndoCommand } from '../../../shared/api'
import { call } from '../api'

interface Entry {
  label: string
  command: UndoCommand
}

/**
 * The undo and redo stacks. Every core mutation returns the command that reverts it, and running
 * that command returns the one that redoes it, so the stacks hold plain, serializable commands.
 */
export function useUndo(onChange: () => void): {
  perform: <T>(label: string, change: Promise<Change<T>>) => Promise<T>
  undo: () => Promise<string | null>
  redo: () => Promise<string | null>
  canUndo: boolean
  canRedo: boolean
} {
  const undoStack = useRef<Entry[]>([])
  const redoStack = useRef<Entry[]>([])
  const [sizes, setSizes] = useState({ undo: 0, redo: 0 })
  const sync = (): void =>
    setSizes({ undo: undoStack.current.length, redo: redoStack.current.length })

  const run = async (command: UndoCommand): Promise<UndoCommand> => {
    const fn = call as (method: string, ...args: unknown[]) => Promise<Change<unknown>>
    return (await fn(command.method, ...command.args)).undo
  }

  const perform = useCallback(
    async <T>(label: string, change: Promise<Change<T>>): Promise<T> => {
      const { value, undo } = await change
      undoStack.current.push({ label, command: undo })
      if (undoStack.current.length > 200) undoStack.current.shift()
      redoStack.current = []
      sync()
      onChange()
      return value
    },
    [onChange]
  )

  const step = useCallback(
    async (from: Entry[], to: Entry[]): Promise<string | null> => {
      const entry = from.pop()
      if (!entry) return null
      try {
        to.push({ label: entry.label, command: await run(entry.command) })
      } finally {
        sync()
        onChange()
      }
      return entry.label
    },
    [onChange]
  )

  return {
    perform,
    undo: useCallback(() => step(undoStack.current, redoStack.current), [step]),
    redo: useCallback(() => step(redoStack.current, undoStack.current), [step]),
    canUndo: sizes.undo > 0,
    canRedo: sizes.redo > 0
  }
}
