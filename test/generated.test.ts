import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { schemaFiles } from "../scripts/json-schema.ts";
import { makeFixtureRepo } from "./support/fixture-repo.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("schemas/ is what the zod schemas generate (run `npm run schemas` when this fails)", () => {
  const want = schemaFiles();
  assert.deepEqual(readdirSync("schemas").sort(), Object.keys(want).sort());
  for (const [file, text] of Object.entries(want))
    assert.equal(readFileSync(join("schemas", file), "utf8"), text, file);
});

test("dist/ is what `npm run build` makes of src/ (run it and commit dist/ when this fails)", () => {
  const out = mkdtempSync(join(tmpdir(), "mg-dist-"));
  const r = spawnSync(process.execPath, ["scripts/build.mjs", "--outdir", out], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const built = files(out)
    .map((f) => relative(out, f))
    .sort();
  const committed = files("dist")
    .map((f) => relative("dist", f))
    .sort();
  assert.deepEqual(committed, built);
  for (const f of built)
    assert.ok(readFileSync(join(out, f)).equals(readFileSync(join("dist", f))), `dist/${f} differs`);
});

test("the built CLI validates the fixture repository: exit 0, then exit 1 naming file:line:col", () => {
  const { root, write } = makeFixtureRepo();
  const cli = join(process.cwd(), "dist/cli.js");
  const ok = spawnSync(process.execPath, [cli, "validate"], { cwd: root, encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  write("models/churn/extra.txt", "");
  write(
    "data/churn-eval.yaml",
    readFileSync(join(root, "data/churn-eval.yaml"), "utf8").replace("rows: 300", "rowz: 300"),
  );
  const bad = spawnSync(process.execPath, [cli, "validate"], { cwd: root, encoding: "utf8" });
  assert.equal(bad.status, 1);
  assert.match(
    bad.stdout,
    /data\/churn-eval\.yaml\n {2}8:3 +error +schema +unknown key "rowz" in spec; did you mean "rows"\?/,
  );
});
