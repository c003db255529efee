/** The leakage check's set of 64-bit row hashes (src/data/row-hashes.ts), against a Set of their texts. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addRowHash,
  hasRowHash,
  newRowHashes,
  reserveRowHashes,
  rowHashList,
  sharedRowHashes,
} from "../../src/data/row-hashes.ts";

test("row hashes: each pair once, found by both halves, through growth, low halves alike, and copied", () => {
  const set = newRowHashes();
  const reference = new Set<string>();
  // many pairs with the same low half (the slot a pair starts from), negative and unsigned forms of one number
  const pairs: [number, number][] = [];
  for (let i = 0; i < 3000; i++) pairs.push([i * 7919, i % 5 === 0 ? 42 : (i * 104729) | 0]);
  pairs.push([-1, -1], [0xffffffff, 0xffffffff], [0, 0], [0x80000000, 1]);
  for (const [k, [hi, lo]] of pairs.entries()) {
    // room reserved for a few at a time, as RowLanes.finish reserves a batch's
    if (k % 7 === 0) reserveRowHashes(set, 7);
    addRowHash(set, hi, lo);
    addRowHash(set, hi, lo);
    reference.add(`${hi >>> 0}:${lo >>> 0}`);
  }
  assert.equal(set.size, reference.size);
  assert.ok(set.used.length >= 2 * set.size);
  assert.deepEqual(
    rowHashList(set)
      .map(([hi, lo]) => `${hi}:${lo}`)
      .sort(),
    [...reference].sort(),
  );
  for (const [hi, lo] of pairs) assert.ok(hasRowHash(set, hi, lo));
  assert.ok(!hasRowHash(set, 1, 42));
  assert.ok(!hasRowHash(set, 42, 7919));

  const other = newRowHashes();
  reserveRowHashes(other, 4);
  for (const [hi, lo] of [pairs[0], pairs[5], [1, 42], [-1, -1]] as [number, number][]) addRowHash(other, hi, lo);
  assert.equal(sharedRowHashes(other, set), 3);
  assert.equal(sharedRowHashes(set, other), 3);
  const copy = structuredClone(set);
  assert.equal(sharedRowHashes(copy, set), set.size);
  assert.equal(sharedRowHashes(newRowHashes(), set), 0);
});
