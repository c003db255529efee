// The one esbuild configuration for modelgate's bundles: dist/ (scripts/build.mjs), lib/ (scripts/build-lib.mjs) and
// tests that bundle an entry.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

/** The version every bundle reports (records, `modelgate --version`, the API user agent): package.json's. */
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * Bundles `entryPoints` ({ in, out } pairs) into `outdir` as ESM for Node 20, with shared chunks, onnxruntime-node
 * left external (a native addon), and a `require` for the CommonJS dependencies. With `dependencies: "external"`
 * (the npm package) every package stays an import, resolved from the installer's node_modules; by default (dist/,
 * which GitHub runs without installing anything) they are bundled.
 */
export function bundle(entryPoints, outdir, { dependencies = "bundled" } = {}) {
  return build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    ...(dependencies === "external" ? { packages: "external" } : { external: ["onnxruntime-node"] }),
    legalComments: "none",
    define: { __MODELGATE_VERSION__: JSON.stringify(version) },
    logLevel: "warning",
    banner: {
      js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
    },
  });
}
