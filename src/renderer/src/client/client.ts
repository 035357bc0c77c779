import type { ApiMethod, ApiSpec, Change, UndoCommand, WorkbenchApi } from '../../../shared/api'
import type { Result } from '../../../shared/errors'
import { ApiCallError } from '../api'
import { AnnotationCache } from './annotation-cache'
import { changedBy } from './invalidation'
import { Openings } from './openings'
import { Resources } from './resources'
import { UndoStack } from './undo-stack'

export type CallResult<K extends ApiMethod> = ReturnType<ApiSpec[K]>

/**
 * Everything the renderer knows of the workbench, made once per window and handed down through
 * React context (see context.tsx): calls, what they make stale, reads shared by every view that
 * shows the same thing, the highlights being saved, the documents opening, and the undo stacks.
 */
export class Client {
  readonly resources = new Resources()
  readonly annotations = new AnnotationCache()
  readonly openings = new Openings()
  readonly history: UndoStack
  private readonly reads = new Map<string, Promise<unknown>>()

  constructor(private readonly api: WorkbenchApi) {
    this.history = new UndoStack(async (command) => this.runCommand(command))
  }

  /** Calls the workbench; an error value becomes a thrown ApiCallError. A change marks what it made stale. */
  async call<K extends ApiMethod>(
    method: K,
    ...args: Parameters<ApiSpec[K]>
  ): Promise<CallResult<K>> {
    const fn = this.api[method] as (...a: unknown[]) => Promise<Result<CallResult<K>>>
    const result = await fn(...args)
    if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
    const value = result.value
    const changed = changedBy(method, args, isChange(value) ? value.value : value)
    this.resources.invalidate(changed)
    return value
  }

  /**
   * A read shared by every component that asks for the same thing while it is fresh: one request
   * per `key` and version of the resources it depends on (a long document's highlights, wanted by
   * its pane and by the sidebar, are fetched once).
   */
  read<T>(key: string, resources: readonly string[], fetch: () => Promise<T>): Promise<T> {
    const id = `${key}\u0000${this.resources.stamp(resources)}`
    let request = this.reads.get(id) as Promise<T> | undefined
    if (!request) {
      request = fetch()
      this.reads.set(id, request)
      // Only the latest reads can be asked for again.
      for (const k of this.reads.keys()) if (this.reads.size > 64) this.reads.delete(k)
      request.catch(() => this.reads.delete(id))
    }
    return request
  }

  /** Makes a change that can be undone, and puts it on the undo stack. */
  async perform<K extends ApiMethod>(
    label: string,
    view: string,
    method: K,
    ...args: Parameters<ApiSpec[K]>
  ): Promise<ChangeValue<K>> {
    const change = (await this.call(method, ...args)) as unknown as Change<ChangeValue<K>>
    this.history.push({ label, view, command: change.undo })
    return change.value
  }

  private async runCommand(command: UndoCommand): Promise<UndoCommand> {
    const call = this.call.bind(this) as (method: string, ...args: unknown[]) => Promise<unknown>
    const change = (await call(command.method, ...command.args)) as Change<unknown>
    return change.undo
  }
}

export type ChangeValue<K extends ApiMethod> = CallResult<K> extends Change<infer T> ? T : never

function isChange(value: unknown): value is Change<unknown> {
  return typeof value === 'object' && value !== null && 'undo' in value && 'value' in value
}
