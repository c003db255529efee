// Bundles the CLI and one entry per action into dist/ (committed: GitHub runs actions from it).
// `node scripts/build.mjs --outdir DIR` writes elsewhere (the freshness test compares the two).
import { rmSync } from "node:fs";
import { bundle, distEntries } from "./bundle.mjs";

const args = process.argv.slice(2);
const outdir = args.includes("--outdir") ? args[args.indexOf("--outdir") + 1] : "dist";

rmSync(outdir, { recursive: true, force: true });
await bundle(distEntries(), outdir);
