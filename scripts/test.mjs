// The README's test command, in two lanes:
// - the fast lane (`npm run test:fast`, files named *.unit.test.ts): plans and pure cores; no git, no registry, no
//   GitHub simulator, no Python. It runs with a PATH that holds only Node's own folder, so a "unit" test that starts
//   git or python fails here instead of quietly being slow;
// - everything (`npm test`): prepares the machine (scripts/setup.mjs: npm dependencies, Debian packages, kubectl),
//   runs the fast lane, then every other test/**/*.test.ts, with Node's test runner.
// - the scale lane (`npm run test:scale`, files named *.scale.test.ts): data at the sizes the issues name (10M rows),
//   minutes long; not part of `npm test`, run by .ci/run after it.
// Arguments filter by path substring: `npm test -- oci evaluate`; `--setup-only` only prepares; `--fast` runs the
// fast lane alone; `--scale` the scale lane alone.
// Concurrency: the fast lane runs in one process, its files one after another (two files at a time through tsx),
// beside the other files, four at a time, since
// each spends part of its time waiting on the processes it starts (git, python, a registry, a bundled action) or on
// a server answering. MODELGATE_TEST_CONCURRENCY sets the second figure (e.g. 2 on a busy machine).
// Loading: each test file is run from one esbuild bundle of it (scripts/test-bundle.mjs: built for the selected files
// in about 1.5 s, sources inside, `import.meta` of each module its source file's, source maps for stacks), not through
// tsx's loader (about 0.3 s more CPU per test file). MODELGATE_TEST_TSX=1 runs the files through tsx instead.
// Each end-to-end file runs behind test/support/e2e-preamble.ts: its git processes are started by small helper
// processes, since forking one from a large test process costs several milliseconds of system time more (about
// 15,000 git processes in all; test/support/git-bridge.ts).
// `--times` (with the same filters) runs the files of the second lane each on its own, as many at a time, and prints
// each file's wall time and CPU time, with the system time in it (its process and every process it started: git,
// python, a registry), then the 20 slowest, the total and the load average before and after: CPU time is the figure to compare on a busy machine; a
// failing file's TAP report is printed as it ends. (A process its parent leaves unreaped, such as esbuild's service,
// is not in a file's CPU time.)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setup } from "./setup.mjs";

// One id per run (never reused: a pid alone comes back), for the files that share a costly fixture within a run
// (test/support/packed.ts packs the package once).
process.env.MODELGATE_TEST_RUN = `${process.pid}-${Date.now()}`;

const args = process.argv.slice(2);
const fastOnly = args.includes("--fast");
const scaleOnly = args.includes("--scale");
const filters = args.filter((a) => !a.startsWith("-"));
const timed = args.includes("--times");
const flags = args.filter((a) => a.startsWith("-") && !["--fast", "--scale", "--setup-only", "--times"].includes(a));

if (!fastOnly) {
  const ready = setup();
  if (ready !== 0) process.exit(ready);
  if (args.includes("--setup-only")) process.exit(0);
}

// One temporary folder per run (TMPDIR, which os.tmpdir() and git follow), made after setup (which may stop first) and
// removed when the run ends: the tests' own temporary folders go in it, so that none is left behind.
// MODELGATE_TEST_KEEP_TMP=1 keeps it, to look at.
const runTmp = mkdtempSync(join(tmpdir(), "mg-test-run-"));
process.env.TMPDIR = runTmp;
process.on("exit", () => {
  if (process.env.MODELGATE_TEST_KEEP_TMP === "1") console.error(`the run's temporary folder is kept: ${runTmp}`);
  else rmSync(runTmp, { recursive: true, force: true });
});

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

const restConcurrency = Number(process.env.MODELGATE_TEST_CONCURRENCY) || 4;

/** How a test process loads test files, and the file each test file is run from. */
const throughTsx = process.env.MODELGATE_TEST_TSX === "1";
const loader = throughTsx ? ["--import", "tsx"] : ["--enable-source-maps"];
const runnable = new Map(files.map((f) => [f, f]));
// the fast lane's files run in one process, one after another (pure: no file changes the process's state)
let fastRun = fast;
if (!throughTsx) {
  // loaded here, after setup: on a fresh machine esbuild is there only once setup has run npm ci
  const { bundleTests } = await import("./test-bundle.mjs");
  const bundles = await bundleTests(rest, fast);
  for (const [i, f] of rest.entries()) runnable.set(f, bundles.each[i]);
  if (bundles.together) {
    runnable.set("fast lane", bundles.together);
    fastRun = ["fast lane"];
  }
}

/** One file under `sh -c '…; times'`: the shell's `times` gives the CPU time of what it ran, children included. */
function timeFile(file) {
  return new Promise((done) => {
    const started = Date.now();
    const quote = (a) => `'${a.replaceAll("'", "'\\''")}'`;
    const cmd = [process.execPath, ...loader, "--test", "--test-reporter=tap", ...flags, runnable.get(file)].map(quote);
    const child = spawn("sh", ["-c", `${cmd.join(" ")} >&2; code=$?; times; exit $code`], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let tap = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (tap += d));
    child.on("close", (code) => {
      // `times` prints the shell's user and system time, then its children's: "0m1.230s 0m0.450s"
      const last = out.trim().split("\n").at(-1) ?? "";
      const [user = 0, sys = 0] = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      const cpu = user + sys;
      const count = (what) => Number(new RegExp(`^# ${what} (\\d+)`, "m").exec(tap)?.[1] ?? 0);
      // a failing file's report, so that a timed run says why it failed
      if (code !== 0) process.stderr.write(`${file} (exit ${code}):\n${tap.split("\n").slice(-80).join("\n")}\n`);
      done({ file, code, wall: (Date.now() - started) / 1000, cpu, sys, pass: count("pass"), fail: count("fail") });
    });
  });
}

async function runTimed(list, concurrency) {
  const load = () =>
    existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "?";
  const loadBefore = load();
  const started = Date.now();
  const queue = [...list];
  const results = [];
  const row = (r) =>
    `${r.wall.toFixed(1).padStart(7)} s ${r.cpu.toFixed(1).padStart(7)} s ${r.sys.toFixed(1).padStart(6)} s  ${r.pass} pass ${r.fail} fail  ${r.file}${r.code ? ` (exit ${r.code})` : ""}`;
  console.log("   wall       cpu  (sys)");
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) {
        const r = await timeFile(f);
        results.push(r);
        console.log(row(r));
      }
    }),
  );
  const sum = (k) => results.reduce((t, r) => t + r[k], 0);
  console.log(`\nthe 20 slowest (wall):`);
  for (const r of [...results].sort((a, b) => b.wall - a.wall).slice(0, 20)) console.log(row(r));
  console.log(`\nthe 20 slowest (cpu):`);
  for (const r of [...results].sort((a, b) => b.cpu - a.cpu).slice(0, 20)) console.log(row(r));
  console.log(
    `\n${results.length} files, ${sum("pass")} tests passed, ${sum("fail")} failed, ${concurrency} at a time: ${((Date.now() - started) / 1000).toFixed(1)} s wall, ${sum("cpu").toFixed(1)} s cpu (${sum("sys").toFixed(1)} s sys); load average ${loadBefore} before, ${load()} after`,
  );
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

if (timed) process.exit(await runTimed(rest, restConcurrency));

const fastEnv = { ...process.env, PATH: dirname(process.execPath), MODELGATE_TEST_LANE: "fast" };
if (fastOnly) process.exit((await runLane(fastRun, fastEnv, 2, true)).code);

/** A lane in a child process: its report shown as it comes (`live`) or kept, and returned with its exit code. */
function runLane(list, env, concurrency, live) {
  if (list.length === 0) return Promise.resolve({ code: 0, out: "" });
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [...loader, "--test", `--test-concurrency=${concurrency}`, ...flags, ...list.map((f) => runnable.get(f))],
      { stdio: ["ignore", "pipe", "inherit"], env },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (live) process.stdout.write(d);
    });
    child.on("close", (code) => done({ code: code ?? 1, out }));
  });
}

// The two lanes run at once: the fast lane's pure CPU fills the cores while end-to-end files wait on the processes
// and servers they start. The end-to-end lane reports as it goes; the fast lane's report follows it, then one line
// with both lanes' counts.
const [fastLane, restLane] = await Promise.all([
  runLane(fastRun, fastEnv, 2, false),
  runLane(rest, process.env, restConcurrency, true),
]);
process.stdout.write(fastLane.out);
const count = (out, what) => Number(new RegExp(`^# ${what} (\\d+)$`, "m").exec(out)?.[1] ?? 0);
const passed = count(fastLane.out, "pass") + count(restLane.out, "pass");
const failed = count(fastLane.out, "fail") + count(restLane.out, "fail");
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(fastLane.code || restLane.code);
