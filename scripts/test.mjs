// The README's test command, in two lanes:
// - the fast lane (`npm run test:fast`, files named *.unit.test.ts): plans and pure cores; no git, no registry, no
//   GitHub simulator, no Python. It runs with a PATH that holds only Node's own folder, so a "unit" test that starts
//   git or python fails here instead of quietly being slow;
// - everything (`npm test`): prepares the machine (scripts/setup.mjs: npm dependencies, Debian packages, kubectl),
//   runs the fast lane, then every other test/**/*.test.ts, with Node's test runner through tsx.
// - the scale lane (`npm run test:scale`, files named *.scale.test.ts): data at the sizes the issues name (10M rows),
//   minutes long; not part of `npm test`, run by .ci/run after it.
// Arguments filter by path substring: `npm test -- oci evaluate`; `--setup-only` only prepares; `--fast` runs the
// fast lane alone; `--scale` the scale lane alone.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { setup } from "./setup.mjs";

const args = process.argv.slice(2);
const fastOnly = args.includes("--fast");
const scaleOnly = args.includes("--scale");
const filters = args.filter((a) => !a.startsWith("-"));
const flags = args.filter((a) => a.startsWith("-") && !["--fast", "--scale", "--setup-only"].includes(a));

if (!fastOnly) {
  const ready = setup();
  if (ready !== 0) process.exit(ready);
  if (args.includes("--setup-only")) process.exit(0);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" ? [] : walk(path);
    return path.endsWith(".test.ts") ? [path] : [];
  });
}
const files = walk("test")
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .filter((f) => f.endsWith(".scale.test.ts") === scaleOnly)
  .sort();
if (files.length === 0) {
  console.error("no test files match", filters.join(" "));
  process.exit(2);
}
const fast = files.filter((f) => f.endsWith(".unit.test.ts"));
const rest = files.filter((f) => !f.endsWith(".unit.test.ts"));

function run(list, env) {
  if (list.length === 0) return 0;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...flags, ...list], {
    stdio: "inherit",
    env,
  });
  return r.status ?? 1;
}

const fastEnv = { ...process.env, PATH: dirname(process.execPath), MODELGATE_TEST_LANE: "fast" };
const fastCode = run(fast, fastEnv);
if (fastOnly) process.exit(fastCode);
const restCode = run(rest, process.env);
process.exit(fastCode || restCode);
