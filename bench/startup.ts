/**
 * Benchmark: the CLI's start — `modelgate --help` and `modelgate validate` on the bundled example — against
 * `node -e 0`, the floor of any Node.js command. The CLI is bundled from the sources into a temporary folder (as
 * `npm run build` does for dist/) and run as a user runs it, `node cli.js …`; the variants run in turns, `--repeat`
 * rounds after one warm-up round, and the figures are medians, with the load average before and after.
 *
 *   npm run bench -- startup [--repeat 11] [--baseline OTHER/cli.js]
 *
 * `--baseline` also times another bundle in the same turns (e.g. main's dist/cli.js), for a before/after. One extra
 * untimed run of each command counts the bundle files it loads (a module hook logs them). Nothing is left behind.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { bundleFilesLoaded } from "../test/support/loaded-files.ts";
import { machine, median } from "./machine.ts";

const { values } = parseArgs({
  options: { repeat: { type: "string", default: "11" }, baseline: { type: "string" } },
});
const REPEAT = Number(values.repeat);
const example = resolve(import.meta.dirname, "../examples/fraud-detection");
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

const tmp = mkdtempSync(join(tmpdir(), "mg-bench-startup-"));
try {
  const { bundle } = await import("../scripts/bundle.mjs");
  await bundle([{ in: "src/cli/bin.ts", out: "cli" }], tmp);
  const clis: [string, string][] = [["modelgate", join(tmp, "cli.js")]];
  if (values.baseline) clis.push(["baseline", resolve(values.baseline)]);

  const variants: { name: string; args: string[]; cwd: string; expect: number; cli?: string }[] = [
    { name: "node -e 0", args: ["-e", "0"], cwd: example, expect: 0 },
  ];
  for (const [who, cli] of clis) {
    variants.push({ name: `${who} --help`, args: [cli, "--help"], cwd: example, expect: 0, cli });
    variants.push({ name: `${who} validate (example)`, args: [cli, "validate"], cwd: example, expect: 0, cli });
  }

  // wall time, and CPU time (user + system, children included) from /usr/bin/time, steadier on a busy machine
  const timeFile = join(tmp, "time.txt");
  const run = (v: (typeof variants)[number], extra: string[] = [], env = process.env) => {
    const t = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "-o", timeFile, process.execPath, ...extra, ...v.args], {
      cwd: v.cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env,
    });
    const ms = performance.now() - t;
    if (r.status !== v.expect) throw new Error(`${v.name} exited ${r.status}: ${r.stderr}`);
    const [user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [0, 0];
    return { ms, cpu: (user + sys) * 1000 };
  };

  // which of the bundle's files each command loads (a module hook logs them: test/support/loaded-files.ts)
  const loaded = new Map<string, string>();
  for (const v of variants) {
    if (!v.cli) continue;
    const files = bundleFilesLoaded(v.cli, v.args.slice(1), v.cwd, v.expect);
    const chunks = files.filter((u) => u.includes("/chunks/"));
    const bytes = files.reduce((s, u) => s + statSync(new URL(u)).size, 0);
    loaded.set(v.name, `${chunks.length} chunks, ${(bytes / 1024).toFixed(0)} KiB loaded`);
  }

  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const cpus = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const before = load();
  for (let round = 0; round <= REPEAT; round++)
    for (const v of variants) {
      const { ms, cpu } = run(v);
      if (round > 0) times.get(v.name)?.push(ms);
      if (round > 0) cpus.get(v.name)?.push(cpu);
    }
  const after = load();

  const floor = median(times.get("node -e 0") ?? []);
  const cpuFloor = median(cpus.get("node -e 0") ?? []);
  console.log(`machine: ${machine()}`);
  console.log(`load average before: ${before}; after: ${after}`);
  console.log(`medians of ${REPEAT} rounds after one warm-up, the variants in turns:`);
  for (const v of variants) {
    const m = median(times.get(v.name) ?? []);
    const c = median(cpus.get(v.name) ?? []);
    const cpu = ` (CPU ${c.toFixed(0)} ms${v.cli ? `, ${(c / cpuFloor).toFixed(2)}×` : ""})`;
    const rel = v.cli
      ? `  ${m >= floor ? "+" : "−"}${Math.abs(m - floor).toFixed(0)} ms, ${(m / floor).toFixed(2)}× node -e 0; ${loaded.get(v.name)}`
      : "";
    console.log(`  ${v.name.padEnd(32)} ${m.toFixed(0).padStart(6)} ms${cpu}${rel}`);
  }
  console.log(`goals: --help ≤ node -e 0 + 100 ms; validate ≤ 3× node -e 0`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
