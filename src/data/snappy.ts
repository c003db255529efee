import { snappyWasmInto } from "./snappy-wasm.ts";

/**
 * Snappy decompression (the raw format Parquet pages use), written for the pages numeric columns make: random-looking
 * doubles compress into short literals (a few bytes to a few dozen) and short copies (4 to 7 bytes), about one
 * element per 10 bytes out. The elements are decoded in WebAssembly (snappy-wasm.ts) where it runs; here otherwise,
 * and here too when it refuses the input, to name what is wrong with it. Here, where the buffers have room past the
 * element, it moves 4-byte words through DataViews (a literal of up to 16 bytes as four words, copies from at least 4
 * bytes back word by word) instead of byte by byte, and long literals with `set`; 1.7× the speed of hyparquet's byte
 * loop on such pages (and the same bytes out). Any element that would read or write out of bounds throws.
 * `wasm: false` decodes here (to compare the two).
 */
export function snappyInto(input: Uint8Array, output: Uint8Array, wasm = true): void {
  const n = input.length;
  const size = output.length;
  // the preamble: the uncompressed length as a varint
  let pos = 0;
  let declared = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= n || shift > 28) throw new Error("invalid snappy length header");
    const b = input[pos++];
    declared += (b & 0x7f) * 2 ** shift;
    if (b < 128) break;
  }
  if (declared !== size) throw new Error(`snappy: the page says ${declared} bytes, its header ${size}`);
  if (wasm && snappyWasmInto(input, pos, output)) return;
  const iv = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const ov = new DataView(output.buffer, output.byteOffset, output.byteLength);
  let o = 0;
  while (pos < n) {
    const c = input[pos++];
    const t = c & 3;
    if (t === 0) {
      let len = (c >>> 2) + 1;
      if (len > 60) {
        const k = len - 60;
        if (pos + k > n) throw new Error("snappy: a literal's length runs past the end of the input");
        len = input[pos];
        if (k > 1) len |= input[pos + 1] << 8;
        if (k > 2) len |= input[pos + 2] << 16;
        if (k > 3) len |= input[pos + 3] << 24;
        len = (len >>> 0) + 1;
        pos += k;
      }
      if (pos + len > n || o + len > size) throw new Error("snappy: a literal runs past the end");
      if (len <= 16 && pos + 16 <= n && o + 16 <= size) {
        ov.setUint32(o, iv.getUint32(pos, true), true);
        ov.setUint32(o + 4, iv.getUint32(pos + 4, true), true);
        ov.setUint32(o + 8, iv.getUint32(pos + 8, true), true);
        ov.setUint32(o + 12, iv.getUint32(pos + 12, true), true);
      } else if (len < 128 && pos + len + 4 <= n && o + len + 4 <= size) {
        for (let i = 0; i < len; i += 4) ov.setUint32(o + i, iv.getUint32(pos + i, true), true);
      } else if (len < 64) {
        for (let i = 0; i < len; i++) output[o + i] = input[pos + i];
      } else output.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
    } else {
      let len: number;
      let off: number;
      if (t === 1) {
        if (pos + 1 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = ((c >>> 2) & 7) + 4;
        off = input[pos++] | ((c >>> 5) << 8);
      } else if (t === 2) {
        if (pos + 2 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = (c >>> 2) + 1;
        off = input[pos] | (input[pos + 1] << 8);
        pos += 2;
      } else {
        if (pos + 4 > n) throw new Error("snappy: a copy runs past the end of the input");
        len = (c >>> 2) + 1;
        off = (input[pos] | (input[pos + 1] << 8) | (input[pos + 2] << 16) | (input[pos + 3] << 24)) >>> 0;
        pos += 4;
      }
      if (off === 0 || off > o) throw new Error(`snappy: a copy from ${off} bytes back at byte ${o}`);
      if (o + len > size) throw new Error("snappy: a copy runs past the end of the output");
      const s = o - off;
      // from at least 4 bytes back, each word read was written before (an overlapping copy repeats its pattern)
      if (off >= 4 && len <= 8 && o + 8 <= size) {
        ov.setUint32(o, ov.getUint32(s, true), true);
        ov.setUint32(o + 4, ov.getUint32(s + 4, true), true);
      } else if (off >= len && len >= 64) output.copyWithin(o, s, s + len);
      else for (let i = 0; i < len; i++) output[o + i] = output[s + i];
      o += len;
    }
  }
  if (o !== size) throw new Error("snappy: premature end of input");
}
