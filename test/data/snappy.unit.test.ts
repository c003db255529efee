import assert from "node:assert/strict";
import { test } from "node:test";
import { snappyUncompress } from "hyparquet/src/snappy.js";
import { snappyCompress } from "hyparquet-writer/src/snappy.js";
import { snappyInto } from "../../src/data/snappy.ts";
import { rng } from "../../src/util/random.ts";

function both(raw: Uint8Array): void {
  const packed = snappyCompress(raw);
  const ours = new Uint8Array(raw.length);
  snappyInto(packed, ours);
  const theirs = new Uint8Array(raw.length);
  snappyUncompress(packed, theirs);
  assert.deepEqual(ours, theirs);
  assert.deepEqual(ours, raw);
}

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

test("snappyInto refuses a damaged page instead of writing past its buffers", () => {
  const raw = new Uint8Array(new Float64Array(5000).map((_, i) => (i % 50) / 7).buffer);
  const packed = snappyCompress(raw);
  assert.throws(() => snappyInto(packed.subarray(0, packed.length - 9), new Uint8Array(raw.length)), /snappy/);
  assert.throws(() => snappyInto(packed, new Uint8Array(raw.length - 1)), /snappy/);
  // a copy from further back than the bytes written so far
  assert.throws(() => snappyInto(Uint8Array.of(8, 0, 65, 0b00000110, 9), new Uint8Array(8)), /snappy: a copy/);
});
