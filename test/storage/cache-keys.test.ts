/**
 * The data cache in the shipped workflows: every actions/cache step that keeps ~/.cache/modelgate is keyed by the
 * files that pin remote objects — the manifests (whatever the store: s3://, gs://, https://), .dvc files and
 * dvc.lock — so a new pin of any store's object makes a new key, and a job that reads remote data restores it.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";

const files = ["workflows", ".github/workflows"].flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);

test("every data-cache step is keyed by the manifests, .dvc files and dvc.lock, for every store's scheme", () => {
  let steps = 0;
  for (const file of files) {
    const wf = parse(readFileSync(file, "utf8"));
    for (const [name, job] of Object.entries<any>(wf.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        if (!String(step.uses ?? "").startsWith("actions/cache@")) continue;
        if (!String(step.with?.path ?? "").includes(".cache/modelgate")) continue;
        steps++;
        const key = String(step.with.key);
        for (const glob of ["'**/*.yaml'", "'**/*.yml'", "'**/*.dvc'", "'**/dvc.lock'"])
          assert.ok(key.includes(glob), `${file} ${name}: the data cache key hashes ${glob}: ${key}`);
        assert.doesNotMatch(key, /s3|gs:|https/i, `${file} ${name}: the key does not depend on one store`);
      }
    }
  }
  assert.ok(steps >= 4, `the pull request workflow keeps the data cache in its jobs (found ${steps} steps)`);
});

test("the pull request workflow says how gs:// credentials reach the jobs (workload identity federation)", () => {
  const text = readFileSync("workflows/modelgate-pr.yml", "utf8");
  assert.match(text, /s3:\/\/, gs:\/\/, https:\/\//);
  assert.match(text, /google-github-actions\/auth with\n# workload identity federation/);
});
