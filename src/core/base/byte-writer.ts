/** Bytes that follow `length` bytes to bring them to a multiple of four (0 to 3). */
export const pad4 = (length: number): number => (4 - (length % 4)) % 4

/** A growing byte buffer, written at its end. */
export class ByteWriter {
  private buf: Uint8Array
  length = 0

  constructor(capacity = 1 << 16) {
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

  /** The 32-bit values in the machine's byte order (little-endian on every platform we ship). */
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

  /** What was written: a view of the buffer, valid until the next write. */
  result(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}
