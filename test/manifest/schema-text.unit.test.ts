/** Texts of the manifest schemas written out rather than formatted at load (src/manifest/schema.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SHARD_ROWS, DEFAULT_SHARD_ROWS_TEXT, modelSchema } from "../../src/manifest/schema.ts";

test("the default shard rows are described as toLocaleString('en-US') writes them", () => {
  assert.equal(DEFAULT_SHARD_ROWS_TEXT, DEFAULT_SHARD_ROWS.toLocaleString("en-US"));
  const shardRows = modelSchema.shape.spec.shape.evaluation.shape.shardRows;
  assert.match(shardRows.description ?? "", new RegExp(`Default ${DEFAULT_SHARD_ROWS_TEXT}\\.$`));
});
