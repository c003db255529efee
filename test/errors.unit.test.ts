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
