import assert from "node:assert/strict";
import { test } from "node:test";
import { snappyUncompress } from "hyparquet/src/snappy.js";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { snappyInto } from "../../src/data/snappy.ts";
import { lastCode, PageArena, snappyWasmReady } from "../../src/data/snappy-wasm.ts";
import { rng } from "../../src/util/random.ts";

function both(raw: Uint8Array): void {
  const packed = snappyCompress(raw);
  const ours = new Uint8Array(raw.length);
  snappyInto(packed, ours);
  const js = new Uint8Array(raw.length);
  snappyInto(packed, js, false);
  const theirs = new Uint8Array(raw.length);
  snappyUncompress(packed, theirs);
  assert.deepEqual(ours, theirs);
  assert.deepEqual(js, theirs);
  assert.deepEqual(ours, raw);
}

/** What decoding gives: the bytes, or the error's message; WebAssembly's decoder and this module's own alike. */
function outcome(packed: Uint8Array, size: number, wasm: boolean): Uint8Array | string {
  const out = new Uint8Array(size);
  try {
    snappyInto(packed, out, wasm);
    return out;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The length preamble of `size` bytes, then the elements. */
function stream(size: number, ...elements: number[][]): Uint8Array {
  const pre: number[] = [];
  let n = size;
  do {
    pre.push((n & 0x7f) | (n >= 128 ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Uint8Array.from([...pre, ...elements.flat()]);
}
const literal = (bytes: number[]): number[] => {
  const m = bytes.length - 1;
  if (m < 60) return [m << 2, ...bytes];
  const k = m < 1 << 8 ? 1 : m < 1 << 16 ? 2 : m < 1 << 24 ? 3 : 4;
  return [(59 + k) << 2, ...Array.from({ length: k }, (_, i) => (m >>> (8 * i)) & 0xff), ...bytes];
};
const copy1 = (len: number, off: number) => [1 | ((len - 4) << 2) | ((off >> 8) << 5), off & 0xff];
const copy2 = (len: number, off: number) => [2 | ((len - 1) << 2), off & 0xff, off >> 8];
const copy4 = (len: number, off: number) => [3 | ((len - 1) << 2), off & 0xff, (off >> 8) & 0xff, off >> 16, 0];

test("snappyInto gives the bytes hyparquet's decoder gives, on pages of every shape", () => {
  const r = rng(11);
  // doubles with 6 decimals, as the benchmark's columns: short literals and short copies
  const doubles = new Float64Array(20000).map(() => Math.round((r() * 4 - 2) * 1e6) / 1e6);
  both(new Uint8Array(doubles.buffer));
  // runs (copies from 1, 2, 3 bytes back, and long ones), random bytes (long literals), text, small values
  both(new Uint8Array(100000));
  both(new Uint8Array(70000).map((_, i) => (i % 3 === 0 ? 7 : i % 2)));
  both(new Uint8Array(70000).map(() => Math.floor(r() * 256)));
  both(new TextEncoder().encode("the quick brown fox jumps over the lazy dog. ".repeat(3000)));
  const ints = new Int32Array(30000).map((_, i) => (i * 7) % 1000);
  both(new Uint8Array(ints.buffer));
  for (let n = 0; n < 80; n++) both(new Uint8Array(n).map(() => Math.floor(r() * 4)));
});

test("WebAssembly's decoder gives this module's bytes and errors on every kind of element, and on damaged pages", () => {
  const r = rng(5);
  const bytes = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 256));
  const cases: Uint8Array[] = [];
  // literals of every length form (1 to 4 length bytes), at the very end and with room past them
  for (const n of [1, 2, 7, 8, 15, 16, 17, 31, 60, 61, 64, 65, 255, 256, 300, 70000]) {
    cases.push(stream(n, literal(bytes(n))));
    cases.push(stream(n + 20, literal(bytes(n)), literal(bytes(20))));
  }
  // copies of each type, from 1 to 70 bytes back (overlapping ones repeat their pattern), short and long, mid-output
  // and as the last element
  for (const off of [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 40, 64, 70])
    for (const len of [4, 5, 8, 9, 11, 16, 17, 33, 64]) {
      const head = literal(bytes(off + 3));
      const tail = literal(bytes(30));
      if (len <= 11 && off < 2048) cases.push(stream(off + 3 + len + 30, head, copy1(len, off), tail));
      cases.push(stream(off + 3 + len + 30, head, copy2(len, off), tail));
      cases.push(stream(off + 3 + len, head, copy4(len, off)));
      cases.push(stream(off + 3 + 2 * len, head, copy2(len, off), copy2(len, off)));
    }
  // a copy from further back than written, from 0 back, past the output's end, cut short; a literal past either end
  cases.push(stream(20, literal(bytes(8)), copy2(12, 9)), stream(20, literal(bytes(8)), copy2(12, 0)));
  cases.push(stream(12, literal(bytes(8)), copy2(12, 8)), stream(20, literal(bytes(8)), [2, 8]), stream(9, [3 << 2]));
  cases.push(stream(8, literal(bytes(9))), stream(40, [60 << 2, 39, ...bytes(10)]), stream(4, [62 << 2, 1]));
  cases.push(stream(8, literal(bytes(4))), stream(3, [63 << 2, 255, 255, 255, 255]));
  // real pages, and the same with a byte changed here and there
  const doubles = new Float64Array(3000).map(() => Math.round((r() * 4 - 2) * 1e6) / 1e6);
  const text = new TextEncoder().encode("the quick brown fox jumps over the lazy dog. ".repeat(300));
  for (const raw of [new Uint8Array(doubles.buffer), text]) {
    const packed = snappyCompress(raw);
    cases.push(packed);
    for (let k = 0; k < 150; k++) {
      const bad = packed.slice(0, packed.length - (k % 3 === 0 ? Math.floor(r() * 40) : 0));
      bad[4 + Math.floor(r() * (bad.length - 4))] = Math.floor(r() * 256);
      cases.push(bad);
    }
  }
  assert.ok(snappyWasmReady());
  const codes = new Set<number>();
  let failed = 0;
  for (const packed of cases) {
    // the size the preamble declares (both decoders refuse any other the same way first)
    let size = 0;
    for (let i = 0, shift = 0; i < 5; i++, shift += 7) {
      size += (packed[i] & 0x7f) * 2 ** shift;
      if (packed[i] < 128) break;
    }
    if (size > 1 << 20) continue;
    const wasm = outcome(packed, size, true);
    codes.add(lastCode);
    assert.deepEqual(wasm, outcome(packed, size, false));
    // as the workers get pages: in shared memory, anywhere in it
    const shared = new Uint8Array(new SharedArrayBuffer(packed.length + 16)).subarray(codes.size + 1);
    shared.set(packed);
    assert.deepEqual(outcome(shared.subarray(0, packed.length), size, true), wasm);
    if (typeof wasm === "string") failed++;
  }
  // every answer of WebAssembly's decoder: decoded (0), and each thing it refuses (1 to 6)
  assert.deepEqual([...codes].sort(), [0, 1, 2, 3, 4, 5, 6]);
  assert.ok(failed > 100 && failed < cases.length - 200, `${failed} of ${cases.length} refused`);
});

test("snappyInto refuses a damaged page instead of writing past its buffers", () => {
  const raw = new Uint8Array(new Float64Array(5000).map((_, i) => (i % 50) / 7).buffer);
  const packed = snappyCompress(raw);
  assert.throws(() => snappyInto(packed.subarray(0, packed.length - 9), new Uint8Array(raw.length)), /snappy/);
  assert.throws(() => snappyInto(packed, new Uint8Array(raw.length - 1)), /snappy/);
  // a copy from further back than the bytes written so far
  assert.throws(() => snappyInto(Uint8Array.of(8, 0, 65, 0b00000110, 9), new Uint8Array(8)), /snappy: a copy/);
});

test("a page arena decodes each column's page in place, where it stays until that column's next page", () => {
  const r = rng(9);
  const page = (n: number) => new Uint8Array(new Float64Array(n).map(() => Math.round(r() * 4e6) / 1e6).buffer);
  const arena = PageArena.create(20000, [16000, 8000])!;
  const a = page(2000);
  const b = page(1000);
  const inA = arena.decode(0, snappyCompress(a), a.length)!;
  const inB = arena.decode(1, snappyCompress(b), b.length)!;
  assert.deepEqual(inA, a);
  assert.deepEqual(inB, b); // the other slot's page untouched
  const a2 = page(1500);
  assert.deepEqual(arena.decode(0, snappyCompress(a2), a2.length), a2);
  assert.deepEqual(inB, b);
  // from shared memory at an odd offset, as the workers get pages
  const packed = snappyCompress(a);
  const shared = new Uint8Array(new SharedArrayBuffer(packed.length + 8)).subarray(5, 5 + packed.length);
  shared.set(packed);
  assert.deepEqual(arena.decode(0, shared, a.length), a);
  // left to the caller: larger than the slot, another size than declared, refused by the decoder
  assert.equal(arena.decode(1, snappyCompress(a), a.length), undefined);
  assert.equal(arena.decode(0, packed, a.length - 8), undefined);
  assert.equal(arena.decode(0, packed.subarray(0, packed.length - 9), a.length), undefined);
});
