import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { githubSlug, ownUses, packageHome, parseHome, rehomeWorkflow, sameRepo } from "../../src/init/home.ts";

test("the default home is package.json's repository at v<major>, in every form npm accepts for GitHub", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  const home = packageHome(process.cwd());
  assert.equal(home.repo, githubSlug(pkg.repository));
  assert.equal(home.ref, `v${pkg.version.split(".")[0]}`);
  assert.notEqual(home.repo.toLowerCase(), "modelgate/modelgate", "never the guessed slug");
  for (const [spec, slug] of [
    ["github:acme/modelgate", "acme/modelgate"],
    ["acme/modelgate", "acme/modelgate"],
    [{ type: "git", url: "git+https://github.com/acme/modelgate.git" }, "acme/modelgate"],
    [{ url: "https://github.com/acme/model.gate" }, "acme/model.gate"],
    ["git@github.com:acme/modelgate.git", "acme/modelgate"],
    [{ url: "git+ssh://git@github.com/acme/modelgate.git" }, "acme/modelgate"],
  ] as const)
    assert.equal(githubSlug(spec), slug, JSON.stringify(spec));
  for (const spec of [undefined, "", "gitlab:acme/modelgate", { url: "https://gitlab.com/acme/modelgate.git" }, 42])
    assert.equal(githubSlug(spec), undefined, JSON.stringify(spec));
});

test("--uses is OWNER/REPO@REF with a tag, branch or commit SHA", () => {
  assert.deepEqual(parseHome("acme/modelgate@v1"), { repo: "acme/modelgate", ref: "v1" });
  assert.deepEqual(parseHome("Acme-Corp/model.gate@release/1.x"), { repo: "Acme-Corp/model.gate", ref: "release/1.x" });
  const sha = "a".repeat(40);
  assert.deepEqual(parseHome(`acme/modelgate@${sha}`), { repo: "acme/modelgate", ref: sha });
  for (const bad of ["acme/modelgate", "@v1", "acme@v1", "acme/a/b@v1", "acme/mg@", "acme/mg@a..b", "acme/mg@a b"])
    assert.throws(() => parseHome(bad), /expected OWNER\/REPO@REF/, bad);
});

test("rehoming a workflow changes modelgate's uses: lines (steps, jobs, comments) and nothing else", () => {
  const text = [
    "jobs:",
    "  a:",
    "    uses: old/mg/.github/workflows/report.yml@v0",
    "  b:",
    "    steps:",
    "      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0",
    "      - uses: old/mg/actions/report@v0",
    "        with: { x: 1 }",
    "      - id: e",
    "        uses: OLD/mg/actions/evaluate@v0",
    "#       uses: old/mg/.github/workflows/approval.yml@v0",
    "      - uses: other/thing/actions/report@v0",
    "",
  ].join("\n");
  const out = rehomeWorkflow(text, { repo: "acme/modelgate", ref: "abc123" }, sameRepo({ repo: "old/mg", ref: "v0" }));
  assert.equal(
    out,
    text
      .replace("old/mg/.github/workflows/report.yml@v0", "acme/modelgate/.github/workflows/report.yml@abc123")
      .replace("old/mg/actions/report@v0", "acme/modelgate/actions/report@abc123")
      .replace("OLD/mg/actions/evaluate@v0", "acme/modelgate/actions/evaluate@abc123")
      .replace("old/mg/.github/workflows/approval.yml@v0", "acme/modelgate/.github/workflows/approval.yml@abc123"),
  );
});

test("the shipped workflows name package.json's home (npm run home points them at it)", () => {
  const home = packageHome(process.cwd());
  const files = ["workflows", ".github/workflows"].flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  let count = 0;
  for (const f of files) {
    const found = ownUses(readFileSync(f, "utf8"), (repo) => repo.toLowerCase() !== "actions");
    for (const u of found) {
      count++;
      assert.deepEqual(u.home, home, `${f}: ${u.uses}`);
    }
  }
  assert.ok(count >= 20, `${count} uses of modelgate's actions and workflows`);
  const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/home.ts", "--check"], { encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
});
