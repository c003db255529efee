import assert from "node:assert/strict";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { type Merged, mergedRepo } from "./fixture.ts";

/**
 * Issue #22 item 9: a pull request that changed the model file but not spec.version was merged, and publish said
 * "nothing to publish" (exit 0) while plan said the model changed; with the digest locked, it published the same
 * version a second time. A published version is immutable: publish refuses, naming the version to bump.
 */
const snapshot = (m: Merged) => `${m.remoteGit("rev-parse", "main")}\n${m.remoteGit("tag", "-l")}`;

test("publish refuses a merge whose model file changed without its manifest (not locked, version kept)", async () => {
  const m = await mergedRepo({ extraModelYaml: (_, before) => before });
  const before = snapshot(m);
  const io = bufferIo(m.root, m.env);
  const code = await main(["publish", "--facts", m.facts()], io);
  assert.equal(code, 1, io.stderr);
  assert.match(
    io.stderr,
    /refused: churn: the artifact changed but spec\.version did not: bump it \(models\/churn\/model\.onnx differs from the merge's first parent [0-9a-f]{12}'s, and spec\.artifact\.sha256 is unchanged \(run `modelgate lock` too\); spec\.version is 1\.0\.0 in both\); nothing was published: open a pull request that bumps spec\.version in models\/churn\/model\.yaml/,
  );
  assert.doesNotMatch(io.stderr, /nothing to publish/);
  assert.equal(snapshot(m), before);
});

test("publish refuses a new artifact locked under the version already published", async () => {
  const m = await mergedRepo({ extraModelYaml: (y) => y.replace("version: 1.1.0", "version: 1.0.0") });
  const before = snapshot(m);
  const r = await publish({ cwd: m.root, env: m.env, io: bufferIo(m.root, m.env), facts: m.facts() });
  assert.deepEqual(r.models, []);
  const f = r.refusals.find((x) => x.field === "spec.version");
  assert.ok(f, JSON.stringify(r.refusals));
  assert.match(
    f.message,
    /^churn: the artifact changed but spec\.version did not: bump it \(spec\.artifact\.sha256 is [0-9a-f]{12}…, [0-9a-f]{12}… at the merge's first parent/,
  );
  assert.equal(snapshot(m), before);
});

/** Issue #22 item 10: offline, publish without --facts only pointed at GitHub. */
test("publish offline without --facts names the flag that works without GitHub", async () => {
  const m = await mergedRepo();
  for (const env of [m.env, { ...m.env, GITHUB_REPOSITORY: "acme/models" }]) {
    const io = bufferIo(m.root, env);
    const code = await main(["publish"], io);
    assert.equal(code, 2, io.stderr);
    assert.match(
      io.stderr,
      /(no repository given|no GitHub token): .*; offline, pass --facts FILE: the merged pull request and its reviews as GitHub would return them \(its format: `modelgate approve --help`\), e.g\. `modelgate publish --facts facts\.json`/,
    );
  }
});
