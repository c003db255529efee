/**
 * Distinct 64-bit row hashes (scan.ts's RowLanes: two 32-bit halves), for the leakage check: an open-addressing
 * table in typed arrays, as plain data (a scan's result is copied with structuredClone). A Set of 4-character strings
 * made a string and a Set entry per row, 15,000 on the bundled example: validate is 4.4 ms faster without them (41
 * rounds in turns, the build with the Set against the build without).
 */
export interface RowHashes {
  /** Distinct hashes held. */
  size: number;
  /** The slots: a hash's halves, and 1 in `used` where a slot holds one. A power of two long, at least 2 × size. */
  hi: Int32Array;
  lo: Int32Array;
  used: Uint8Array;
}

function slotsFor(count: number): number {
  let n = 16;
  while (n < count * 2) n *= 2;
  return n;
}

/** An empty set with room for `capacity` hashes. */
export function newRowHashes(capacity = 0): RowHashes {
  const n = slotsFor(capacity);
  return { size: 0, hi: new Int32Array(n), lo: new Int32Array(n), used: new Uint8Array(n) };
}

/** The slot of (hi, lo): the one that holds it, or the empty one where it goes. */
function slotOf(set: RowHashes, hi: number, lo: number): number {
  const { hi: his, lo: los, used } = set;
  const mask = used.length - 1;
  let i = lo & mask;
  while (used[i] === 1 && (his[i] !== hi || los[i] !== lo)) i = (i + 1) & mask;
  return i;
}

/**
 * Room for `more` hashes, so that adding them never needs to grow the table: RowLanes.finish adds a batch's rows in
 * one loop of its own, no call per row.
 */
export function reserveRowHashes(set: RowHashes, more: number): void {
  if ((set.size + more) * 2 <= set.used.length) return;
  const old = { ...set };
  // twice the room asked for: a file's next batch then mostly fits without another copy
  const n = slotsFor(2 * (set.size + more));
  set.hi = new Int32Array(n);
  set.lo = new Int32Array(n);
  set.used = new Uint8Array(n);
  for (let i = 0; i < old.used.length; i++) {
    if (old.used[i] === 0) continue;
    const j = slotOf(set, old.hi[i], old.lo[i]);
    set.used[j] = 1;
    set.hi[j] = old.hi[i];
    set.lo[j] = old.lo[i];
  }
}

/** Adds (hi, lo), 32-bit integers, unless the set holds it; the caller reserved room (reserveRowHashes). */
export function addRowHash(set: RowHashes, hi: number, lo: number): void {
  const i = slotOf(set, hi | 0, lo | 0);
  if (set.used[i] === 1) return;
  set.used[i] = 1;
  set.hi[i] = hi;
  set.lo[i] = lo;
  set.size++;
}

export function hasRowHash(set: RowHashes, hi: number, lo: number): boolean {
  return set.used[slotOf(set, hi | 0, lo | 0)] === 1;
}

/** How many of `a`'s hashes `b` holds too. */
export function sharedRowHashes(a: RowHashes, b: RowHashes): number {
  let shared = 0;
  for (let i = 0; i < a.used.length; i++) if (a.used[i] === 1 && hasRowHash(b, a.hi[i], a.lo[i])) shared++;
  return shared;
}

/** The hashes as [hi, lo] pairs of unsigned 32-bit integers, in no particular order. */
export function rowHashList(set: RowHashes): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < set.used.length; i++) if (set.used[i] === 1) out.push([set.hi[i] >>> 0, set.lo[i] >>> 0]);
  return out;
}
