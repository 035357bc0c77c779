/**
 * A simulated disk for power-loss tests. Like a real one (ext4 and most others), it keeps in
 * memory what a program writes and makes it permanent only when told to: a file's content when
 * the file is fsynced, a folder's entries (creations, renames, removals) when the folder is.
 * `crash()` drops everything else, as a power cut does; the test can cut power before any step.
 */
import type { WriteFs } from '../core/store/durable-write'

interface Inode {
  data: string
  synced: string | null
}

export class PowerCut extends Error {}

export class PowerLossFs implements WriteFs {
  private live = new Map<string, Inode>()
  private durable = new Map<string, Inode>()
  private steps = 0
  /** Cut the power just before this step (1-based), or never. */
  cutAt = Infinity

  private step(): void {
    if (++this.steps >= this.cutAt) throw new PowerCut('power cut')
  }

  get stepsTaken(): number {
    return this.steps
  }

  async open(path: string, flags: string): ReturnType<WriteFs['open']> {
    this.step()
    if (flags === 'r') {
      // a folder, opened to fsync its entries
      return {
        writeFile: async () => undefined,
        sync: async () => {
          this.step()
          this.durable = new Map(this.live)
        },
        close: async () => undefined
      }
    }
    if (flags.includes('x') && this.live.has(path))
      throw Object.assign(new Error('EEXIST'), { code: 'EEXIST' })
    const inode: Inode = { data: '', synced: null }
    this.live.set(path, inode)
    return {
      writeFile: async (data) => {
        this.step()
        inode.data = typeof data === 'string' ? data : Buffer.from(data).toString()
      },
      sync: async () => {
        this.step()
        inode.synced = inode.data
      },
      close: async () => undefined
    }
  }

  async rename(from: string, to: string): Promise<void> {
    this.step()
    const inode = this.live.get(from)
    if (!inode) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    this.live.delete(from)
    this.live.set(to, inode)
  }

  async unlink(path: string): Promise<void> {
    this.step()
    this.live.delete(path)
  }

  /** What a naive program does: write over the file in place, no fsync. */
  async writeInPlace(path: string, data: string): Promise<void> {
    this.step()
    let inode = this.live.get(path)
    if (!inode) {
      inode = { data: '', synced: null }
      this.live.set(path, inode)
    }
    inode.data = '' // truncated first
    this.step()
    inode.data = data
  }

  /** The power comes back: only what was made durable is there; unsynced content is lost. */
  crash(): void {
    for (const inode of this.durable.values()) inode.data = inode.synced ?? ''
    this.live = new Map(this.durable)
    this.cutAt = Infinity
  }

  read(path: string): string | undefined {
    return this.live.get(path)?.data
  }
}
