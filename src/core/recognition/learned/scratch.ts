// Zeroed typed arrays lent for one document's features, from buffers reused from document to
// document: the features took some thirty small typed arrays per document, and allocating and
// collecting their buffers showed in profiles (garbage collection ~9% of the learned layer).

type ArrayKind = Uint8ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor;

class Pool<A extends Uint8Array | Int32Array | Uint32Array> {
  private buffer: A;
  private used = 0;

  constructor(private readonly kind: ArrayKind) {
    this.buffer = new kind(1 << 14) as A;
  }

  /** Makes every array lent so far free again (the previous document's). */
  reset(): void {
    this.used = 0;
  }

  /** `length` zeros, valid until the next reset. */
  take(length: number): A {
    if (this.used + length > this.buffer.length) {
      // Arrays already lent keep the old buffer: only the arrays lent from now on use the new one.
      this.buffer = new this.kind(Math.max(2 * this.buffer.length, length)) as A;
      this.used = 0;
    }
    const out = this.buffer.subarray(this.used, this.used + length) as A;
    out.fill(0);
    this.used += length;
    return out;
  }
}

const u8 = new Pool<Uint8Array>(Uint8Array);
const i32 = new Pool<Int32Array>(Int32Array);
const u32 = new Pool<Uint32Array>(Uint32Array);

/** Starts a document: the arrays lent for the previous one are reused. */
export function resetScratch(): void {
  u8.reset();
  i32.reset();
  u32.reset();
}

export const scratchUint8 = (length: number): Uint8Array => u8.take(length);
export const scratchInt32 = (length: number): Int32Array => i32.take(length);
export const scratchUint32 = (length: number): Uint32Array => u32.take(length);
