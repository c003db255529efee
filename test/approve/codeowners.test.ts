import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ownersOf, ownersOfPaths, parseCodeowners, readCodeowners } from "../../src/approve/codeowners.ts";
import { evaluateApproval, opinions } from "../../src/approve/policy.ts";

// The examples of GitHub's CODEOWNERS documentation.
const rules = parseCodeowners(`
# This is a comment.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
/models/fraud/** @ml/fraud
`);

test("the last matching pattern wins", () => {
  assert.deepEqual(ownersOf(rules, "README.md"), ["@global-owner1", "@global-owner2"]);
  assert.deepEqual(ownersOf(rules, "src/app.js"), ["@js-owner"]);
  assert.deepEqual(ownersOf(rules, "notes/a.txt"), ["@octo-org/octocats"]);
  assert.deepEqual(ownersOf(rules, "build/logs/x.log"), ["@octocat"]); // **/logs comes later
  assert.deepEqual(ownersOf(rules, "scripts/deploy.sh"), ["@doctocat", "@octocat"]);
});

test("gitignore-style anchoring, folders and globs", () => {
  assert.deepEqual(ownersOf(rules, "deep/logs/today.log"), ["@octocat"]); // **/logs at any depth
  assert.deepEqual(ownersOf(rules, "src/apps/x.rb"), ["@octocat"]); // apps/ anywhere
  assert.deepEqual(ownersOf(rules, "apps/github/x.rb"), []); // an empty owner list: nobody owns it
  assert.deepEqual(ownersOf(rules, "docs/build-app/troubleshooting.md"), ["@doctocat"]);
  assert.deepEqual(ownersOf(rules, "models/fraud/model.yaml"), ["@ml/fraud"]);
  assert.deepEqual(ownersOfPaths(rules, ["models/fraud/model.yaml", "a.go", "x.txt"]), [
    "@ml/fraud",
    "@octo-org/octocats",
  ]);
});

test("the file is read from .github/, the root or docs/, in GitHub's order", () => {
  const root = mkdtempSync(join(tmpdir(), "mg-co-"));
  assert.equal(readCodeowners(root), undefined);
  mkdirSync(join(root, "docs"));
  writeFileSync(join(root, "docs/CODEOWNERS"), "* @docs-owner\n");
  assert.equal(readCodeowners(root)?.file, "docs/CODEOWNERS");
  writeFileSync(join(root, "CODEOWNERS"), "* @root-owner\n");
  mkdirSync(join(root, ".github"));
  writeFileSync(join(root, ".github/CODEOWNERS"), "* @github-owner\n");
  const found = readCodeowners(root);
  assert.equal(found?.file, ".github/CODEOWNERS");
  assert.deepEqual(ownersOf(found!.rules, "x"), ["@github-owner"]);
});

test("a reviewer's opinion is their latest review that is not a comment; drafts are not reviews", () => {
  const r = (id: number, login: string, state: any, t: string) => ({
    id,
    login,
    userType: "User",
    state,
    commitId: "h",
    submittedAt: t,
  });
  const ops = opinions([
    r(1, "alice", "APPROVED", "2026-01-01T00:01:00Z"),
    r(2, "alice", "COMMENTED", "2026-01-01T00:02:00Z"),
    r(3, "Bob", "CHANGES_REQUESTED", "2026-01-01T00:03:00Z"),
    r(4, "bob", "APPROVED", "2026-01-01T00:04:00Z"),
    { ...r(5, "carol", "PENDING", ""), submittedAt: null },
  ]);
  assert.deepEqual(
    ops.map((o) => [o.login, o.state]),
    [
      ["alice", "APPROVED"],
      ["bob", "APPROVED"],
    ],
  );
});

test("no model to approve is not an approval", () => {
  const d = evaluateApproval([], {
    pr: { number: 1, author: "a", headSha: "h" },
    reviews: [],
    permissions: {},
    teams: {},
  });
  assert.equal(d.approved, false);
  assert.equal(d.state, "pending");
});
