// The README's test command: prepares the machine (scripts/setup.mjs: npm dependencies, Debian packages, kubectl),
// then runs every test/**/*.test.ts with Node's test runner through tsx (Node 20 does not expand globs itself).
// Arguments filter by path substring: `npm test -- oci evaluate`; `npm test -- --setup-only` only prepares.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { setup } from "./setup.mjs";

const ready = setup();
if (ready !== 0) process.exit(ready);
if (process.argv.includes("--setup-only")) process.exit(0);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" ? [] : walk(path);
    return path.endsWith(".test.ts") ? [path] : [];
  });
}
const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
const files = walk("test")
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error("no test files match", filters.join(" "));
  process.exit(2);
}
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...flags, ...files], {
  stdio: "inherit",
});
process.exit(r.status ?? 1);
