/**
 * openWorkspaceLazily (src/workspace/lazy.ts), validate's way to open its workspace: the same root, manifests and
 * environment as openWorkspace, the manifests read once when it opens (without yaml and zod when they can be).
 */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { openWorkspaceLazily } from "../../src/workspace/lazy.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import type { Io } from "../../src/util/io.ts";

const example = resolve(import.meta.dirname, "../../examples/fraud-detection");

function io(cwd: string): Io {
  return { cwd, env: { A: "1" }, out: () => {}, err: () => {}, command: () => {} } as unknown as Io;
}

test("openWorkspaceLazily opens the repository openWorkspace opens, from a folder inside it", async () => {
  const cwd = resolve(example, "models/fraud-detector");
  const lazy = await openWorkspaceLazily(io(cwd));
  const full = openWorkspace(io(cwd));
  assert.equal(lazy.root, full.root);
  assert.equal(lazy.root, example);
  assert.deepEqual(lazy.env, { A: "1" });
  const names = (r: typeof full.repo) => [r.models, r.datasets].map((l) => l.map((m) => [m.file, m.value]));
  assert.deepEqual(names(lazy.repo), names(full.repo));
  assert.deepEqual(lazy.repo.findings, full.repo.findings);
  assert.equal(lazy.repo, lazy.repo, "loaded once");
});

test("openWorkspaceLazily uses a repository it is given, and fails as openWorkspace does outside one", async () => {
  const repo = openWorkspace(io(example)).repo;
  const ws = await openWorkspaceLazily(io("/"), { repo });
  assert.equal(ws.repo, repo);
  assert.equal(ws.root, example);
  await assert.rejects(openWorkspaceLazily(io("/")), /no model repository found/);
  assert.throws(() => openWorkspace(io("/")), /no model repository found/);
});
