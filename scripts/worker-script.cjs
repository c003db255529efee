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

/**
 * A worker module run from the sources (tests, benches through tsx) bundled into one ESM file, its packages left as
 * imports: a worker started from it loads one file instead of registering tsx and transpiling each module (about
 * 0.45 s of CPU per worker start here, against tens of milliseconds). The file lands in the repository's
 * node_modules/.cache/modelgate-workers/, named by its content, so that its packages resolve from node_modules and
 * a second process with the same sources writes nothing; the bundle is what scripts/bundle.mjs would build of the
 * same sources, with the version defined as it defines it.
 */
exports.workerModuleFile = (entry) => {
  const { createHash } = require("node:crypto");
  const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
  const { join } = require("node:path");
  const root = join(__dirname, "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const text = buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    legalComments: "none",
    logLevel: "warning",
    define: { __MODELGATE_VERSION__: JSON.stringify(version) },
  }).outputFiles[0].text;
  const dir = join(root, "node_modules", ".cache", "modelgate-workers");
  const file = join(dir, `${createHash("sha256").update(text).digest("hex").slice(0, 32)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }
  return file;
};
