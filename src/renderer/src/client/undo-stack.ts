import type { UndoCommand } from '../../../shared/api'

/** One change that can be undone: what it was ("delete highlight"), where it was made, how to revert it. */
export interface UndoEntry {
  label: string
  /** The view the change was made in (Documents, Themes, Memos): undo says so elsewhere. */
  view: string
  command: UndoCommand
}

export interface UndoState {
  undo: UndoEntry | null
  redo: UndoEntry | null
}

/**
 * The undo and redo stacks. Every core mutation returns the command that reverts it, and running
 * that command returns the one that redoes it, so the stacks hold plain, serializable commands.
 * One stack for the whole app, in the order the changes were made: a change can depend on an
 * earlier one made in another view (a memo linked to a tag created while reading).
 */
export class UndoStack {
  private undos: UndoEntry[] = []
  private redos: UndoEntry[] = []
  private state: UndoState = { undo: null, redo: null }
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly run: (command: UndoCommand) => Promise<UndoCommand>,
    private readonly limit = 200
  ) {}

  push(entry: UndoEntry): void {
    this.undos.push(entry)
    if (this.undos.length > this.limit) this.undos.shift()
    this.redos = []
    this.changed()
  }

  /** Reverts the latest change; null when there is none. A failed undo is dropped (and rethrown). */
  undo(): Promise<UndoEntry | null> {
    return this.step(this.undos, this.redos)
  }

  redo(): Promise<UndoEntry | null> {
    return this.step(this.redos, this.undos)
  }

  /** The next entry each way, as one object that stays the same until the stacks change. */
  snapshot = (): UndoState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private async step(from: UndoEntry[], to: UndoEntry[]): Promise<UndoEntry | null> {
    const entry = from.pop()
    if (!entry) return null
    this.changed()
    const command = await this.run(entry.command)
    to.push({ ...entry, command })
    this.changed()
    return entry
  }

  private changed(): void {
    this.state = {
      undo: this.undos[this.undos.length - 1] ?? null,
      redo: this.redos[this.redos.length - 1] ?? null
    }
    for (const l of [...this.listeners]) l()
  }
}
