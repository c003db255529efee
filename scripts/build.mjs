// Bundles the CLI and one entry per action into dist/ (committed: GitHub runs actions from it).
// `node scripts/build.mjs --outdir DIR` writes elsewhere (the freshness test compares the two).
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { bundle } from "./bundle.mjs";

const args = process.argv.slice(2);
const outdir = args.includes("--outdir") ? args[args.indexOf("--outdir") + 1] : "dist";
const actions = readdirSync("src/actions")
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => ({ in: join("src/actions", f), out: join("actions", f.replace(/\.ts$/, "")) }));

rmSync(outdir, { recursive: true, force: true });
await bundle([{ in: "src/cli/bin.ts", out: "cli" }, ...actions], outdir);
