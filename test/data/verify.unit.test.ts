/**
 * The reader hashes what it parses (#25): a CSV or JSONL file read front to back is hashed by the reads of the parse
 * itself, and a digest that is not the expected one is thrown after the last batch, naming both.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DigestTap } from "../../src/data/read-source.ts";
import { DigestMismatch, readBatches } from "../../src/data/read.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-verify-"));
const sha = (b: string) => createHash("sha256").update(b).digest("hex");

test("CSV and JSONL: the digest comes from the parse's own reads, whole, and is told after the last batch", async () => {
  let csv = "a,b\n";
  for (let i = 0; i < 200_000; i++) csv += `${i},${i % 7}\n`; // several of the reader's 4 MiB reads
  let jsonl = "";
  for (let i = 0; i < 50_000; i++) jsonl += `{"a": ${i}, "b": ${i % 7}}\n`;
  for (const [name, text] of [
    ["d.csv", csv],
    ["d.jsonl", jsonl],
  ]) {
    const f = join(dir, name);
    writeFileSync(f, text);
    const hashedByParse: number[] = [];
    const finish = DigestTap.prototype.finish;
    DigestTap.prototype.finish = function (this: DigestTap) {
      hashedByParse.push(this.hashed);
      return finish.call(this);
    };
    let digest = "";
    let rows = 0;
    try {
      for await (const b of readBatches(f, { verify: { onDigest: (d) => (digest = d) } })) {
        assert.equal(digest, "", "not before the last batch");
        rows += b.length;
      }
    } finally {
      DigestTap.prototype.finish = finish;
    }
    assert.equal(digest, sha(text));
    assert.deepEqual(hashedByParse, [text.length], `${name}: every byte hashed as the parse read it`);
    assert.ok(rows > 0);
  }
});

test("a digest other than the expected one is thrown after the rows were read, naming both", async () => {
  const f = join(dir, "x.csv");
  writeFileSync(f, "a\n1\n2\n");
  const wrong = "0".repeat(64);
  let rows = 0;
  await assert.rejects(
    (async () => {
      for await (const b of readBatches(f, { displayName: "data/x.csv", verify: { sha256: wrong } })) rows += b.length;
    })(),
    (err: Error) =>
      err instanceof DigestMismatch &&
      err.message ===
        `sha256 of data/x.csv is ${sha("a\n1\n2\n")}, not the ${wrong} the manifest records; if the new data is intended, run \`modelgate lock\``,
  );
  assert.equal(rows, 2);
  // a reader stopped early leaves nothing behind: the next read of the file hashes it afresh
  for await (const _ of readBatches(f, { verify: {} })) break;
  let again = "";
  for await (const _ of readBatches(f, { verify: { onDigest: (d) => (again = d) } }));
  assert.equal(again, sha("a\n1\n2\n"));
});

test("a file read to its end in order is not opened again for its digest, which is of the bytes parsed", async () => {
  const f = join(dir, "grows.csv");
  const text = "a,b\n1,2\n3,4\n";
  writeFileSync(f, text);
  let ended: boolean | undefined;
  const finish = DigestTap.prototype.finish;
  DigestTap.prototype.finish = function (this: DigestTap) {
    ended = this.ended;
    // bytes written after the parse met the end of the file are not the parsed data's
    appendFileSync(f, "5,6\n");
    return finish.call(this);
  };
  let digest = "";
  let rows = 0;
  try {
    for await (const b of readBatches(f, { verify: { onDigest: (d) => (digest = d) } })) rows += b.length;
  } finally {
    DigestTap.prototype.finish = finish;
  }
  assert.equal(ended, true);
  assert.equal(rows, 2);
  assert.equal(digest, sha(text));
});
