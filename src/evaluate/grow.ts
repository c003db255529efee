/** Append-only typed arrays: rows stream in, memory grows by doubling, no per-row objects. */

type TypedCtor<T> = { new (n: number): T; BYTES_PER_ELEMENT: number };
type Typed = Float32Array | Float64Array | Int32Array | Uint8Array;

export class Grow<T extends Typed> {
  private buf: T;
  length = 0;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 1 << 16,
  ) {
    this.buf = new ctor(capacity);
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new this.ctor(cap);
    (next as Typed).set(this.buf as Typed);
    this.buf = next;
  }

  push(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  append(values: ArrayLike<number>, count = values.length): void {
    this.reserve(count);
    const b = this.buf;
    const base = this.length;
    if (count === values.length && ArrayBuffer.isView(values)) (b as Typed).set(values as Typed, base);
    else for (let i = 0; i < count; i++) b[base + i] = values[i];
    this.length += count;
  }

  /** The values so far (a view; copy before appending more). */
  view(): T {
    return this.buf.subarray(0, this.length) as T;
  }
}
