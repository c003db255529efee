import assert from "node:assert/strict";
import { test } from "node:test";
import { commands } from "../src/cli/commands.ts";
import { main } from "../src/cli/main.ts";
import { CheckFailed, describeError, EXIT_INTERNAL, exitCodeOf, UserError } from "../src/errors.ts";
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

test("the exit codes, internal error (70) included, are in --help and in every command's help", async () => {
  const io = bufferIo(process.cwd());
  assert.equal(await main(["--help"], io), 0);
  assert.match(
    io.stdout,
    /Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error, 70 internal error/,
  );
  for (const name of Object.keys(commands)) {
    const io2 = bufferIo(process.cwd());
    assert.equal(await main([name, "--help"], io2), 0);
    assert.match(io2.stdout, /Exit codes:[\s\S]*\b70 internal error/, `modelgate ${name} --help`);
  }
});

test("one error path: a ModelgateError shows its message and its code; anything else is an internal error, exit 70", () => {
  const user = describeError(new UserError("bad flag", { file: "models/x/model.yaml", line: 3, col: 5 }));
  assert.deepEqual(user, { message: "models/x/model.yaml:3:5: bad flag", exitCode: 2, internal: false });
  assert.equal(describeError(new CheckFailed("gate failed")).exitCode, 1);
  const bug = describeError(new TypeError("Cannot read properties of undefined"));
  assert.equal(bug.exitCode, EXIT_INTERNAL);
  assert.equal(EXIT_INTERNAL, 70);
  assert.match(
    bug.message,
    /^internal error \(a bug in modelgate; please report it with this output\): TypeError: Cannot read/,
  );
  assert.equal(exitCodeOf("a thrown string"), 70);
});
