// Runs the benchmarks named on the command line (hash, evaluate, oci, plan), or all of them; flags after the names go
// to each (npm run bench -- evaluate --resamples 0).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const all = readdirSync("bench")
  .filter((f) => f.endsWith(".ts") && !["run.ts", "machine.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""));
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith("--"));
const names = firstFlag < 0 ? args : args.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : args.slice(firstFlag);
const chosen = names.length ? names : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no benchmark "${name}" (have: ${all.join(", ")})`);
    process.exit(2);
  }
  console.log(`\n== bench/${name}.ts`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${name}.ts`, ...flags], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
