/**
 * Snappy's element loop in WebAssembly: 1.6–1.7× the speed of the JavaScript decoder (snappy.ts) on the pages random
 * doubles make, copies in and out of its memory included. It moves bytes with integer loads and stores only (8-byte
 * words where they fit, `memory.copy` for long literals), so every byte comes out as it went in on every platform. The
 * module is assembled here from the instructions below (no binary file, no tool), each written as WebAssembly text
 * would fold it; `decode` answers 0 when it filled the output exactly, else a code: the caller then runs the
 * JavaScript decoder, which names what is wrong with the input.
 */

import {
  add,
  and,
  block,
  br,
  brIf,
  type Code,
  compileWasm,
  eq,
  eqz,
  ensureWasmMemory,
  gtU,
  geU,
  get,
  I32,
  i32,
  inc,
  instantiateWasm,
  leU,
  load8,
  load16,
  load32,
  load64,
  loop,
  ltU,
  memoryCopy,
  or,
  ret,
  select32,
  set,
  shl,
  shrU,
  store8,
  store64,
  sub,
  type WasmMemory,
  wasmModule,
  when,
} from "../util/wasm.ts";

// the parameters and locals, all i32
const POS = 0;
const N = 1;
const BASE = 2;
const SIZE = 3;
const O = 4;
const END = 5;
const C = 6;
const LEN = 7;
const OFF = 8;
const K = 9;
const S = 10;
const I = 11;
const LOCALS = 8; // after the 4 parameters

const fail = (code: number): Code => ret(i32(code));

/** The input's bytes [pos, n) after the length preamble; the output's [base, base + size). */
const decodeBody: Code = [
  ...set(O, get(BASE)),
  ...set(END, add(get(BASE), get(SIZE))),
  ...block(
    loop(
      brIf(1, geU(get(POS), get(N))),
      set(C, load8(get(POS))),
      inc(POS, i32(1)),
      set(K, and(get(C), i32(3))),
      when(eqz(get(K)), [
        // a literal; LEN holds its length minus one until it is known to fit
        set(LEN, shrU(get(C), i32(2))),
        when(geU(get(LEN), i32(60)), [
          set(K, sub(get(LEN), i32(59))),
          when(gtU(get(K), sub(get(N), get(POS))), [fail(1)]),
          set(LEN, load8(get(POS))),
          when(gtU(get(K), i32(1)), [set(LEN, or(get(LEN), shl(load8(get(POS), 1), i32(8))))]),
          when(gtU(get(K), i32(2)), [set(LEN, or(get(LEN), shl(load8(get(POS), 2), i32(16))))]),
          when(gtU(get(K), i32(3)), [set(LEN, or(get(LEN), shl(load8(get(POS), 3), i32(24))))]),
          inc(POS, get(K)),
        ]),
        when(or(geU(get(LEN), sub(get(N), get(POS))), geU(get(LEN), sub(get(END), get(O)))), [fail(2)]),
        inc(LEN, i32(1)),
        when(
          and(leU(get(LEN), i32(16)), and(leU(add(get(POS), i32(16)), get(N)), leU(add(get(O), i32(16)), get(END)))),
          [store64(get(O), load64(get(POS))), store64(get(O), load64(get(POS), 8), 8)],
          [memoryCopy(get(O), get(POS), get(LEN))],
        ),
        inc(POS, get(LEN)),
        inc(O, get(LEN)),
        br(1),
      ]),
      // a copy: its length and how far back it starts
      when(
        eq(get(K), i32(1)),
        [
          when(geU(get(POS), get(N)), [fail(3)]),
          set(LEN, add(and(shrU(get(C), i32(2)), i32(7)), i32(4))),
          set(OFF, or(load8(get(POS)), shl(shrU(get(C), i32(5)), i32(8)))),
          inc(POS, i32(1)),
        ],
        [
          set(LEN, add(shrU(get(C), i32(2)), i32(1))),
          when(
            eq(get(K), i32(2)),
            [when(ltU(sub(get(N), get(POS)), i32(2)), [fail(3)]), set(OFF, load16(get(POS))), inc(POS, i32(2))],
            [when(ltU(sub(get(N), get(POS)), i32(4)), [fail(3)]), set(OFF, load32(get(POS))), inc(POS, i32(4))],
          ),
        ],
      ),
      when(or(eqz(get(OFF)), gtU(get(OFF), sub(get(O), get(BASE)))), [fail(4)]),
      when(gtU(get(LEN), sub(get(END), get(O))), [fail(5)]),
      set(S, sub(get(O), get(OFF))),
      // from at least 8 bytes back, each word read was written before (an overlapping copy repeats its pattern); a
      // copy is at most 64 bytes long, and its last word may run past it (into bytes written later)
      when(
        and(geU(get(OFF), i32(8)), leU(add(get(O), i32(72)), get(END))),
        [
          store64(get(O), load64(get(S))),
          when(gtU(get(LEN), i32(8)), [
            set(I, i32(8)),
            loop(
              store64(add(get(O), get(I)), load64(add(get(S), get(I)))),
              inc(I, i32(8)),
              brIf(0, ltU(get(I), get(LEN))),
            ),
          ]),
        ],
        [
          set(I, i32(0)),
          loop(store8(add(get(O), get(I)), load8(add(get(S), get(I)))), inc(I, i32(1)), brIf(0, ltU(get(I), get(LEN)))),
        ],
      ),
      inc(O, get(LEN)),
      br(0),
    ),
  ),
  // 0 when the output is exactly filled
  ...select32(eq(get(O), get(END)), i32(0), i32(6)),
];

/** The module: one memory (exported as "memory", 1 page to start) and `decode(pos, n, base, size) -> code`. */
function snappyModuleBytes(): Uint8Array {
  return wasmModule([
    { name: "decode", params: [I32, I32, I32, I32], results: [I32], locals: Array(LOCALS).fill(I32), body: decodeBody },
  ]);
}

interface Decoder {
  memory: WasmMemory;
  decode: (pos: number, n: number, base: number, size: number) => number;
}

let compiled: object | null | undefined;
let decoder: Decoder | null | undefined;

/** A new instance of the module (its own memory), or null where WebAssembly does not run (e.g. node --jitless). */
function newDecoder(): Decoder | null {
  if (compiled === undefined) compiled = compileWasm(snappyModuleBytes());
  const exports = compiled && instantiateWasm(compiled);
  if (!exports) return null;
  return { memory: exports.memory as WasmMemory, decode: exports.decode as Decoder["decode"] };
}

function instance(): Decoder | null {
  if (decoder === undefined) decoder = compiled === null ? null : newDecoder();
  return decoder;
}

/** The length a snappy stream's preamble declares, and where its elements start; undefined for a damaged preamble. */
function preamble(input: Uint8Array): { declared: number; pos: number } | undefined {
  let pos = 0;
  let declared = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) return undefined;
    const b = input[pos++];
    declared += (b & 0x7f) * 2 ** shift;
    if (b < 128) return { declared, pos };
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * A worker's memory for the decoded pages of a pass's number columns, one slot per column, decoded into in place (no
 * copy out): a slot's page stays where it is, a view of this memory, until the column's next page is decoded into the
 * slot, as the readers use a column's page memory. The memory is sized once, from the largest column chunks the
 * footer states (a page is never larger than its chunk), and never grows after (which would detach the views handed
 * out); a page that does not fit, or that the decoder refuses, is left to the caller (`decode` says undefined).
 */
export class PageArena {
  private constructor(
    private readonly d: Decoder,
    /** Room for a compressed page at the start. */
    private readonly input: number,
    /** Each slot's start and room. */
    private readonly slots: { at: number; room: number }[],
  ) {}

  /** An arena for compressed pages up to `input` bytes and a slot per entry of `rooms`; undefined if none can be had. */
  static create(input: number, rooms: number[]): PageArena | undefined {
    const d = newDecoder();
    if (!d) return undefined;
    const slots: { at: number; room: number }[] = [];
    let at = align8(input + 8);
    for (const room of rooms) {
      slots.push({ at, room });
      at += align8(room + 8);
    }
    if (!ensureWasmMemory(d.memory, at)) return undefined;
    return new PageArena(d, input, slots);
  }

  /** Decodes a snappy page of `size` bytes into slot `slot`: a view of the arena, or undefined (see above). */
  decode(slot: number, input: Uint8Array, size: number): Uint8Array | undefined {
    const { at, room } = this.slots[slot];
    const shift = input.byteOffset & 7;
    const n = input.length + shift;
    const head = preamble(input);
    if (!head || head.declared !== size || size > room || n > this.input) return undefined;
    const mem = new Uint8Array(this.d.memory.buffer);
    mem.set(shift === 0 ? input : new Uint8Array(input.buffer, input.byteOffset - shift, n), 0);
    lastCode = this.d.decode(head.pos + shift, n, at, size);
    return lastCode === 0 ? mem.subarray(at, at + size) : undefined;
  }
}

/** Whether this thread decodes in WebAssembly (false where it cannot run). */
export function snappyWasmReady(): boolean {
  return instance() !== null;
}

/** The code `decode` answered last (0: decoded), for tests. */
export let lastCode = -1;

/**
 * Decodes the elements of `input` from `pos` (past the length preamble) into `output`, whose length the preamble
 * declared; false when it could not (no WebAssembly, no memory for the page, or input it refuses), and then `output`
 * is untouched.
 */
export function snappyWasmInto(input: Uint8Array, pos: number, output: Uint8Array): boolean {
  const d = instance();
  if (!d) return false;
  // the input goes in from the 8-byte boundary at or before its start: a copy out of shared memory (a row group's
  // bytes, which the reading thread shares with every worker) is word by word, and 4–8× faster when aligned
  const shift = input.byteOffset & 7;
  const n = input.length + shift;
  const size = output.length;
  const base = (n + 7) & ~7;
  if (!ensureWasmMemory(d.memory, base + size + 8)) return false;
  const mem = new Uint8Array(d.memory.buffer);
  mem.set(shift === 0 ? input : new Uint8Array(input.buffer, input.byteOffset - shift, n), 0);
  lastCode = d.decode(pos + shift, n, base, size);
  if (lastCode !== 0) return false;
  output.set(mem.subarray(base, base + size));
  return true;
}
