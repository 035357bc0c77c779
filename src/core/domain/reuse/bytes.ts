/**
 * Bytes for the fingerprint codecs: written with base/'s ByteWriter (in the machine's byte order,
 * little-endian on every platform we ship, 32-bit arrays on 4-byte bounds), read back here.
 */
import { pad4 } from '../../base/byte-writer'
export { ByteWriter, pad4 } from '../../base/byte-writer'

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
