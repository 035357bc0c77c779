import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { WorkbenchError } from '../base/errors'
import type { ParsedFile, ParseRequest, ParseResponse, WorkerSpec } from './worker-protocol'

export interface PoolLimits {
  /** A file taking longer than this is given up, and its worker stopped. */
  timeoutMs: number
  /** Each worker's heap limit: a file needing more fails, and its worker is replaced. */
  memoryMb: number
}

interface Task {
  request: ParseRequest
  resolve: (parsed: ParsedFile) => void
  reject: (err: unknown) => void
}

interface Slot {
  worker: Worker
  /** Files sent to this worker, in the order it reads them: the first is being read. */
  tasks: Task[]
  timer: NodeJS.Timeout | null
}

/**
 * Files sent to a worker ahead of the one it is reading: it starts the next as soon as it posts a
 * result, without waiting for the main thread (busy with the files before) to send one. With one
 * file at a time, the worker sat idle a third of a bulk import.
 */
const AHEAD = 1

/**
 * Threads for parsing by default: every core but one, which the main thread keeps busy; and at
 * least two (on two cores a second parser still imported text files about 8% faster).
 */
export const defaultParserThreads = (): number =>
  Math.max(2, Math.min(4, availableParallelism() - 1))

/** A worker is stopped after this long without work (started again when needed). */
const IDLE_MS = 10_000

/**
 * Parses files in worker threads, a few side by side, each worker reused from one file to the
 * next (starting one costs more than parsing a news article). Every file still gets the limits a
 * fresh worker would: a timeout and a heap limit. A worker that breaks one (or crashes) is
 * stopped and replaced, failing only the file it was reading, with a reason a person can act on.
 */
export class ParserPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Task[] = []
  private closed = false

  constructor(
    private readonly spec: WorkerSpec,
    private readonly limits: PoolLimits,
    private readonly threads = defaultParserThreads()
  ) {}

  parse(request: ParseRequest): Promise<ParsedFile> {
    if (this.closed)
      return Promise.reject(new WorkbenchError('internal', 'The workspace is closed.'))
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject })
      this.dispatch()
    })
  }

  /** Stops every worker; files still waiting fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0))
      task.reject(
        new WorkbenchError('internal', 'The workspace was closed before the file was read.')
      )
    await Promise.all([...this.slots].map((slot) => this.stop(slot)))
  }

  /** Gives waiting files to idle workers, then to new ones, then queues one more behind each. */
  private dispatch(): void {
    while (this.queue.length) {
      const slots = [...this.slots]
      let slot = slots.find((s) => s.tasks.length === 0)
      if (!slot && this.slots.size < this.threads) slot = this.start()
      slot ??= slots.find((s) => s.tasks.length <= AHEAD)
      if (!slot) return
      this.run(slot, this.queue.shift() as Task)
    }
  }

  private start(): Slot {
    const worker = new Worker(this.spec.file, {
      execArgv: this.spec.execArgv,
      workerData: this.spec.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      stdout: true,
      stderr: true
    })
    const slot: Slot = { worker, tasks: [], timer: null }
    this.slots.add(slot)
    worker.on('message', (res: ParseResponse) => {
      const task = this.finish(slot)
      if (task)
        if (res.ok) task.resolve(res.parsed)
        else task.reject(new WorkbenchError('invalid-argument', res.message))
      // The worker has gone on to the next file it was sent, if any.
      if (slot.tasks.length) this.startClock(slot)
      else this.idle(slot)
      this.dispatch()
    })
    worker.on('error', (err: Error & { code?: string }) =>
      this.fail(
        slot,
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `reading it needs more than ${this.limits.memoryMb} MB of memory; the file may be a zip bomb or damaged`
          : `the parser failed (${err.message})`
      )
    )
    worker.on('exit', (code) =>
      this.fail(slot, `the parser stopped unexpectedly (exit code ${code})`)
    )
    return slot
  }

  private run(slot: Slot, task: Task): void {
    slot.tasks.push(task)
    if (slot.tasks.length === 1) {
      slot.worker.ref() // a file being read keeps the process alive
      this.startClock(slot)
    }
    // A copy into a buffer of its own: the transfer detaches it. (Buffer#slice would be a view onto
    // the caller's bytes, or onto Node's shared buffer pool.)
    const bytes = new Uint8Array(task.request.bytes)
    slot.worker.postMessage({ ...task.request, bytes }, [bytes.buffer as ArrayBuffer])
  }

  /** The time limit of the file the worker is reading now (the first of its files). */
  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = setTimeout(
      () =>
        this.fail(
          slot,
          `reading it took longer than ${duration(this.limits.timeoutMs)}; the file may be damaged or too complex`
        ),
      this.limits.timeoutMs
    )
  }

  /** The file the worker was reading, taken off it (null if it had none). */
  private finish(slot: Slot): Task | null {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = null
    return slot.tasks.shift() ?? null
  }

  /** Waits for more work; an idle worker does not keep the process alive, and stops after a while. */
  private idle(slot: Slot): void {
    slot.worker.unref()
    slot.timer = setTimeout(() => void this.stop(slot), IDLE_MS)
    slot.timer.unref()
  }

  /**
   * The worker broke a limit or died: the file it was reading fails, those sent after it go back to
   * the head of the queue, and it is replaced by a fresh worker when needed.
   */
  private fail(slot: Slot, message: string): void {
    if (!this.slots.has(slot)) return
    const task = this.finish(slot)
    this.queue.unshift(...slot.tasks.splice(0))
    void this.stop(slot)
    task?.reject(new WorkbenchError('invalid-argument', message))
    this.dispatch()
  }

  private async stop(slot: Slot): Promise<void> {
    if (!this.slots.delete(slot)) return
    if (slot.timer) clearTimeout(slot.timer)
    for (const task of slot.tasks.splice(0))
      task.reject(
        new WorkbenchError('internal', 'The workspace was closed before the file was read.')
      )
    await slot.worker.terminate()
  }
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)
