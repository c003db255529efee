/**
 * test/support/git-bridge.ts, which every end-to-end test file runs behind (scripts/test-bundle.mjs): git run through
 * the helper returns and throws what Node's own execFileSync and spawnSync do, and starts no git from this process.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { nodeOwn } from "../support/git-bridge.ts";

const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** An error or a result as plain data: its own properties and message, without process ids and stacks. */
function plain(x: unknown): unknown {
  if (x === null || typeof x !== "object" || Buffer.isBuffer(x)) return x;
  if (Array.isArray(x)) return x.map(plain);
  const o: Record<string, unknown> = x instanceof Error ? { message: x.message } : {};
  for (const [k, v] of Object.entries(x)) if (k !== "pid" && v !== x) o[k] = plain(v);
  return o;
}

/** What a call returned or threw. */
function outcome(run: () => unknown) {
  try {
    return { returned: plain(run()) };
  } catch (e) {
    return { threw: plain(e) };
  }
}

test("git through the helper returns and throws what Node's own functions do; this process starts no git", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-bridge-"));
  nodeOwn.execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env });
  const parentOf = "cut -d' ' -f4 /proc/$PPID/stat";
  const cases: [string, (ef: typeof execFileSync, ss: typeof spawnSync) => unknown][] = [
    ["stdout as text", (ef) => ef("git", ["rev-parse", "--git-dir"], { cwd: dir, encoding: "utf8", env })],
    ["stdout as bytes", (ef) => ef("git", ["rev-parse", "--show-toplevel"], { cwd: dir, env })],
    ["input", (ef) => ef("git", ["hash-object", "--stdin"], { cwd: dir, input: "hello\n", encoding: "utf8", env })],
    ["exit 128 with stderr", (ef) => ef("git", ["rev-parse", "--verify", "nope"], { cwd: dir, env, stdio: "pipe" })],
    [
      "exit 1, stdio ignored",
      (ef) => ef("git", ["rev-parse", "--verify", "-q", "x"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] }),
    ],
    ["no git on PATH", (ef) => ef("git", ["--version"], { cwd: dir, env: { PATH: "/nonexistent" } })],
    ["spawnSync's result", (_, ss) => ss("git", ["log", "-1"], { cwd: dir, encoding: "utf8", env })],
    ["spawnSync, no git", (_, ss) => ss("git", ["--version"], { cwd: dir, env: { PATH: "/nonexistent" } })],
  ];
  for (const [name, run] of cases) {
    const bridged = outcome(() => run(execFileSync, spawnSync));
    const own = outcome(() => run(nodeOwn.execFileSync, nodeOwn.spawnSync));
    assert.deepEqual(bridged, own, name);
  }
  // the parent of the git process that runs the alias is the helper, not this process; Node's own: this process
  const parent = (ef: typeof execFileSync) =>
    Number(ef("git", ["-c", `alias.parent=!${parentOf}`, "parent"], { cwd: dir, encoding: "utf8", env }).trim());
  assert.equal(parent(nodeOwn.execFileSync), process.pid);
  assert.notEqual(parent(execFileSync), process.pid);
});
