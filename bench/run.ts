// Runs the benchmarks named on the command line (hash, evaluate, oci, plan), or all of them.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const all = readdirSync("bench")
  .filter((f) => f.endsWith(".ts") && !["run.ts", "machine.ts"].includes(f))
  .map((f) => f.replace(/\.ts$/, ""));
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`no benchmark "${name}" (have: ${all.join(", ")})`);
    process.exit(2);
  }
  console.log(`\n== bench/${name}.ts`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${name}.ts`], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
