import assert from "node:assert/strict";
import { test } from "node:test";
import { describeError, EXIT_FAILED, EXIT_INTERNAL, environmentFailure, exitCodeOf } from "../src/errors.ts";

const sysError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -28 });

test("a full disk is the machine's failure: exit 1, naming the file and what to do, no stack", () => {
  const d = describeError(sysError("ENOSPC", "write", "/tmp/modelgate-write-x/blob"));
  assert.equal(d.exitCode, EXIT_FAILED);
  assert.equal(d.internal, false);
  assert.match(
    d.message,
    /^no space left on the device \(write \/tmp\/modelgate-write-x\/blob\) \[ENOSPC\]; free space there/,
  );
  assert.doesNotMatch(d.message, /internal error|at .*\.ts:\d+/);
});

test("read-only, I/O and permission failures are the machine's too; a TypeError stays a bug (70)", () => {
  for (const code of ["EROFS", "EIO", "EACCES", "EDQUOT", "EMFILE"]) {
    assert.equal(exitCodeOf(sysError(code, "open", "/x")), EXIT_FAILED, code);
    assert.ok(environmentFailure(sysError(code, "open", "/x"))?.includes(`[${code}]`));
  }
  assert.equal(exitCodeOf(new TypeError("x is undefined")), EXIT_INTERNAL);
  assert.equal(exitCodeOf(Object.assign(new Error("gone"), { code: "ENOENT" })), EXIT_INTERNAL);
});

test("git's own report of a full disk or a read-only file system is the machine's failure too, with git's line", () => {
  const git = new Error(
    "git hash-object -w -- /tmp/x/blob: error: unable to create temporary file: No space left on device\nfatal: Unable to add /tmp/x/blob to database",
  );
  const d = describeError(git);
  assert.equal(d.exitCode, EXIT_FAILED);
  assert.match(d.message, /^no space left on the device \(git hash-object .*No space left on device\) \[ENOSPC\]/);
  assert.equal(exitCodeOf(new Error("fatal: unable to write new index file: Read-only file system")), EXIT_FAILED);
  assert.equal(exitCodeOf(new Error("Cannot read properties of undefined")), EXIT_INTERNAL);
});
