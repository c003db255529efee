// Builds what npm ships (run by `prepare`: by `npm ci` and `npm install` in a clone, so that `npx modelgate` works
// there, and before `npm pack`): lib/index.js, the library (`import … from "modelgate"`), and lib/cli.js, the
// `modelgate` command, with their dependencies left as imports for npm to install; then tsc writes the library's
// declarations (lib/**/*.d.ts, tsconfig.lib.json). lib/ is not committed.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bundle } from "./bundle.mjs";

const outdir = "lib";
rmSync(outdir, { recursive: true, force: true });
await bundle(
  [
    { in: "src/index.ts", out: "index" },
    { in: "src/cli/bin.ts", out: "cli" },
  ],
  outdir,
  { dependencies: "external" },
);
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.lib.json"], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);
