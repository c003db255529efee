import assert from "node:assert/strict";
import { test } from "node:test";
import { main } from "../src/cli/main.ts";
import { bufferIo } from "../src/util/io.ts";

test("an unknown command exits 2 and points at --help", async () => {
  const io = bufferIo(process.cwd());
  assert.equal(await main(["frobnicate"], io), 2);
  assert.match(io.stderr, /unknown command "frobnicate"/);
  assert.match(io.stderr, /modelgate --help/);
});

test("--help lists the commands and exits 0", async () => {
  const io = bufferIo(process.cwd());
  assert.equal(await main(["--help"], io), 0);
  assert.match(io.stdout, /Usage: modelgate <command>/);
});
