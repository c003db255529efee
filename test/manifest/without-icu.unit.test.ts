/**
 * What the manifests' readers do without ICU (its first use costs a short command milliseconds): texts of the schemas
 * written out (src/manifest/schema.ts), names sorted without the collator where its order is the code units'.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as findings from "../../src/manifest/findings.ts";
import { DEFAULT_SHARD_ROWS, DEFAULT_SHARD_ROWS_TEXT, modelSchema } from "../../src/manifest/schema.ts";

test("the default shard rows are described as toLocaleString('en-US') writes them", () => {
  assert.equal(DEFAULT_SHARD_ROWS_TEXT, DEFAULT_SHARD_ROWS.toLocaleString("en-US"));
  const shardRows = modelSchema.shape.spec.shape.evaluation.shape.shardRows;
  assert.match(shardRows.description ?? "", new RegExp(`Default ${DEFAULT_SHARD_ROWS_TEXT}\\.$`));
});

test("file names sort as localeCompare sorts them, plain ones without ICU", () => {
  const { compareNames } = findings;
  const plain = "abcdefghijklmnopqrstuvwxyz0123456789./-";
  const any = `${plain}_ABZ é~ ` as const;
  let seed = 7;
  const rnd = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return alphabet[seed % alphabet.length];
    }).join("");
  for (let i = 0; i < 20000; i++) {
    const alphabet = i % 4 === 3 ? any : plain;
    const a = rnd(alphabet, 1 + (i % 7));
    const b = i % 3 === 0 ? a.slice(0, i % 4) + rnd(alphabet, i % 3) : rnd(alphabet, 1 + ((i * 5) % 7));
    assert.equal(
      Math.sign(compareNames(a, b)),
      Math.sign(a.localeCompare(b)),
      `${JSON.stringify(a)} ${JSON.stringify(b)}`,
    );
  }
});
