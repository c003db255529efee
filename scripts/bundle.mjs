// The one esbuild configuration for modelgate's bundles: dist/ (scripts/build.mjs) and tests that bundle an entry.
import { build } from "esbuild";

/**
 * Bundles `entryPoints` ({ in, out } pairs) into `outdir` as ESM for Node 20, with shared chunks, onnxruntime-node
 * left external (a native addon), and a `require` for the CommonJS dependencies.
 */
export function bundle(entryPoints, outdir) {
  return build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunks/[name]-[hash]",
    external: ["onnxruntime-node"],
    legalComments: "none",
    logLevel: "warning",
    banner: {
      js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
    },
  });
}
