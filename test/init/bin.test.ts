import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { packedInstall } from "../support/packed.ts";

// A clone after `npm ci`: npm runs the project's `prepare` once the dependencies are in, and `npx modelgate` then
// runs the project's own `bin` (npm exec links a local package's bin before running it). The copy has this project's
// node_modules linked in, which holds what `npm ci` installs; the machine is offline. The copy is the one
// test/support/packed.ts packs (once per run): `npm pack` runs the same `prepare` as `npm ci`, and fails if it fails.
test("after npm ci in a clone, `npx modelgate --help` and `--version` work: prepare builds the bin npm links", () => {
  const clone = packedInstall().project;
  const pkg = JSON.parse(readFileSync(join(clone, "package.json"), "utf8"));
  const env = { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" };
  const bin = join(clone, pkg.bin.modelgate);
  assert.match(readFileSync(bin, "utf8").split("\n")[0], /^#!\/usr\/bin\/env node$/, "a shebang npm's link can run");
  assert.ok(statSync(bin).mode & 0o111, "executable");

  const help = spawnSync("npx", ["--yes", "modelgate", "--help"], { cwd: clone, encoding: "utf8", env });
  assert.equal(help.status, 0, help.stdout + help.stderr);
  assert.match(help.stdout, /^modelgate — release machine-learning models through git/);
  assert.match(help.stdout, /\binit\b/);

  const version = spawnSync("npx", ["--yes", "modelgate", "--version"], { cwd: clone, encoding: "utf8", env });
  assert.equal(version.stdout, `${pkg.version}\n`, version.stderr);
});
