/**
 * A local byte writer for the fingerprint codecs. The same shape as the engine's ByteWriter (when
 * one moves to src/core/base/, this file can give way to it): data is written in the machine's
 * byte order, little-endian on every platform we ship, and 32-bit arrays start on 4-byte bounds.
 */

/** Bytes that follow `length` bytes to bring them to a multiple of four (0 to 3). */
export const pad4 = (length: number): number => (4 - (length % 4)) % 4

export class ByteWriter {
  private buf: Uint8Array
  length = 0

  constructor(capacity = 1 << 12) {
    this.buf = new Uint8Array(capacity)
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n))
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length)
    this.buf.set(b, this.length)
    this.length += b.length
  }

  u32(v: number): void {
    this.u32s(Uint32Array.of(v))
  }

  u32s(a: Uint32Array): void {
    this.bytes(new Uint8Array(a.buffer, a.byteOffset, a.length * 4))
  }

  /** Pads with zeros to a multiple of four bytes. */
  align(): void {
    const n = pad4(this.length)
    this.ensure(n)
    this.buf.fill(0, this.length, this.length + n)
    this.length += n
  }

  /** A copy of what was written. */
  result(): Uint8Array {
    return this.buf.slice(0, this.length)
  }
}

/** Reads what a ByteWriter wrote; every read checks that the bytes are there. */
export class ByteReader {
  private view: DataView
  at = 0
  constructor(
    private readonly data: Uint8Array,
    private readonly what: string
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  }
  private need(n: number): void {
    if (this.at + n > this.data.length) throw new Error(`${this.what} is truncated`)
  }
  u32(): number {
    this.need(4)
    const v = this.view.getUint32(this.at, true)
    this.at += 4
    return v
  }
  /** `n` 32-bit values, copied (so the result never depends on the input's alignment). */
  u32s(n: number): Uint32Array {
    this.need(n * 4)
    const out = new Uint32Array(n)
    new Uint8Array(out.buffer).set(this.data.subarray(this.at, this.at + n * 4))
    this.at += n * 4
    return out
  }
  bytes(n: number): Uint8Array {
    this.need(n)
    const out = this.data.slice(this.at, this.at + n)
    this.at += n
    return out
  }
  align(): void {
    this.at += pad4(this.at)
  }
  get done(): boolean {
    return this.at >= this.data.length
  }
}
