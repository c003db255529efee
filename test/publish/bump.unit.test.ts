import assert from "node:assert/strict";
import { test } from "node:test";
import { unbumpedVersion } from "../../src/manifest/bump.ts";

const A = "a".repeat(64);
const B = "b".repeat(64);
const judge = (before: { version: string; sha256?: string } | undefined, after: typeof before, changed = false) =>
  unbumpedVersion({ before, after: after!, artifact: { path: "models/m/model.onnx", changed }, base: "main" });

test("unbumpedVersion: another artifact under the same version is refused; a bump, a new model or the same bytes pass", () => {
  assert.equal(
    judge({ version: "1.0.0", sha256: A }, { version: "1.0.0", sha256: B }),
    "the artifact changed but spec.version did not: bump it (spec.artifact.sha256 is bbbbbbbbbbbb…, aaaaaaaaaaaa… at main; spec.version is 1.0.0 in both)",
  );
  assert.equal(
    judge({ version: "1.0.0", sha256: A }, { version: "1.0.0", sha256: A }, true),
    "the artifact changed but spec.version did not: bump it (models/m/model.onnx differs from main's, and spec.artifact.sha256 is unchanged (run `modelgate lock` too); spec.version is 1.0.0 in both)",
  );
  assert.equal(judge({ version: "1.0.0", sha256: A }, { version: "1.1.0", sha256: B }, true), undefined);
  assert.equal(judge(undefined, { version: "1.0.0", sha256: B }, true), undefined);
  assert.equal(judge({ version: "1.0.0", sha256: A }, { version: "1.0.0", sha256: A }), undefined);
  assert.equal(judge({ version: "1.0.0" }, { version: "1.0.0", sha256: A }, true), undefined, "locked the first time");
});
