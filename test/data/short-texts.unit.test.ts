import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readBatches } from "../../src/data/read.ts";

// In a file of its own: the texts the CSV reader keeps are the thread's, and this file's process reads no other CSV.
const dir = mkdtempSync(join(tmpdir(), "mg-short-texts-"));

async function texts(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const b of readBatches(path)) for (let r = 0; r < b.length; r++) out.push(b.data[b.columns.length - 1][r]);
  return out;
}

test("CSV: short texts are kept by their bytes: equal bytes give the one string, any other byte another text", async () => {
  // same length and first three bytes, other last three; UTF-8 of one and two characters; bytes that are not UTF-8
  const cells = ["online", "onlinx", "onl", "onm", "apac", "apad", "é", "éa", "aé", "日本", "ab", "abcdefg", "abcdefh"];
  const body = cells.map((t, i) => `${i},${t}`).join("\n");
  const p = join(dir, "short.csv");
  writeFileSync(p, `i,t\n${body}\n${body}\n`);
  assert.deepEqual(await texts(p), [...cells, ...cells]);
  const bad = join(dir, "not-utf8.csv");
  writeFileSync(
    bad,
    Buffer.concat([Buffer.from("t\n"), Buffer.from([0xff, 0x41, 10, 0xfe, 0x41, 10, 0xff, 0x41, 10])]),
  );
  assert.deepEqual(await texts(bad), [
    Buffer.from([0xff, 0x41]).toString(),
    Buffer.from([0xfe, 0x41]).toString(),
    Buffer.from([0xff, 0x41]).toString(),
  ]);
});
