import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { writeStdout } from "../../src/util/io.ts";

/** process.stdout replaced by `fake` while `f` runs. */
function withStdout(fake: object, f: () => void): void {
  const before = Object.getOwnPropertyDescriptor(process, "stdout") as PropertyDescriptor;
  Object.defineProperty(process, "stdout", { configurable: true, get: () => fake });
  try {
    f();
  } finally {
    Object.defineProperty(process, "stdout", before);
  }
}

test("standard output to a file gets the string's UTF-8 in one write, without the stream's copy; anything else goes through the stream", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "mg-stdout-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "out.json");
  const fd = openSync(file, "w");
  const text = `{\n  "gate": "roc_auc ≥ 0.85",\n  "x": "${"a".repeat(70_000)}"\n}\n`;
  const streamed: string[] = [];
  const stream = (type: string, writableLength = 0) => ({
    _type: type,
    fd,
    writableLength,
    write: (s: string) => streamed.push(s),
  });
  withStdout(stream("fs"), () => writeStdout(text));
  withStdout(stream("fs"), () => writeStdout("second\n"));
  closeSync(fd);
  assert.equal(readFileSync(file, "utf8"), `${text}second\n`);
  assert.deepEqual(streamed, []);
  // a pipe, a terminal, or a file stream with something still queued: the stream writes it
  withStdout(stream("pipe"), () => writeStdout("p"));
  withStdout(stream("tty"), () => writeStdout("t"));
  withStdout(stream("fs", 3), () => writeStdout("q"));
  assert.deepEqual(streamed, ["p", "t", "q"]);
});
