import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

const head = "a".repeat(40);
const older = "b".repeat(40);

function facts(reviews: object[]) {
  return {
    pr: { number: 7, author: "alice", headSha: head },
    reviews,
    permissions: { alice: "admin", bob: "write", mallory: "read" },
  };
}

async function approve(root: string, f: object, ...args: string[]) {
  const file = join(root, "facts.json");
  writeFileSync(file, JSON.stringify(f));
  const io = bufferIo(root);
  const code = await main(["approve", "--facts", "facts.json", ...args], io);
  return { code, io };
}

test("approve --facts: bob's approval of the head commit passes the fixture's policy, without GitHub", async () => {
  const { root } = makeFixtureRepo();
  const { code, io } = await approve(
    root,
    facts([{ id: 1, login: "bob", state: "APPROVED", commitId: head, submittedAt: "2026-11-26T10:00:00Z" }]),
  );
  assert.equal(code, 0, io.stderr);
  assert.match(io.stdout, /^modelgate\/approval: success — 1\/1 approvals? \(bob\) on aaaaaaa/m);
  assert.doesNotMatch(io.stdout, /status .* set/);
});

test("approve --facts: the author's own, a read-only reviewer's and a stale approval do not count", async () => {
  const { root } = makeFixtureRepo();
  const { code, io } = await approve(
    root,
    facts([
      { id: 1, login: "alice", state: "APPROVED", commitId: head, submittedAt: "2026-11-26T09:00:00Z" },
      { id: 2, login: "mallory", state: "APPROVED", commitId: head, submittedAt: "2026-11-26T09:01:00Z" },
      { id: 3, login: "bob", state: "APPROVED", commitId: older, submittedAt: "2026-11-26T08:00:00Z" },
      { id: 4, login: "carol", state: "APPROVED", commitId: head, submittedAt: null },
    ]),
    "--json",
  );
  assert.equal(code, 0);
  const out = JSON.parse(io.stdout);
  assert.equal(out.state, "pending");
  assert.equal(out.approved, false);
  assert.deepEqual(
    out.stale.map((s: { login: string }) => s.login),
    ["bob"],
  );
  assert.deepEqual(out.ignored.map((s: { login: string }) => s.login).sort(), ["alice", "mallory"]);
});

test("approve --facts: a malformed facts file is a usage error naming the field", async () => {
  const { root } = makeFixtureRepo();
  const { code, io } = await approve(root, { pr: { number: 7, author: "alice", headSha: "not-a-sha" }, reviews: [] });
  assert.equal(code, 2);
  assert.match(io.stderr, /facts\.json: pr\.headSha: must be a commit id/);
});
