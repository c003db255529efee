// A worker thread's module bundled into one CommonJS script, to be started with `new Worker(script, { eval: true })`:
// it loads no other file, so it starts in tens of milliseconds. scripts/bundle.mjs puts each into the bundles at
// build time (a `define`); a run from source (tsx) builds it at first use (src/oci/layer-hash.ts). CommonJS, as Node
// runs an eval'd worker.
const { buildSync } = require("esbuild");

/** The script of the worker module at `entry` (a path). */
exports.workerScript = (entry) =>
  buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    legalComments: "none",
    logLevel: "warning",
  }).outputFiles[0].text;
