// The one esbuild configuration for modelgate's bundles: dist/ (scripts/build.mjs), lib/ (scripts/build-lib.mjs) and
// tests that bundle an entry.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { workerScript } from "./worker-script.cjs";

/** The version every bundle reports (records, `modelgate --version`, the API user agent): package.json's. */
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

/**
 * zod's `locales` namespace (every language's error messages, half of zod's code) is never used: zod sets English
 * itself (its classic schemas import locales/en.js directly), and modelgate reads no other. Bundled as an empty
 * namespace, it costs no load time in each command that validates.
 */
const zodLocales = {
  name: "zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: "zod-locales", namespace: "mg-empty" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "mg-empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** What dist/ holds: the CLI and one entry per action (src/actions/NAME.ts; `_` files are shared code, not actions). */
export function distEntries() {
  const actions = readdirSync("src/actions")
    .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
    .map((f) => ({ in: join("src/actions", f), out: join("actions", f.replace(/\.ts$/, "")) }));
  return [{ in: "src/cli/bin.ts", out: "cli" }, ...actions];
}

/**
 * Bundles `entryPoints` ({ in, out } pairs) into `outdir` as ESM for Node 20, with shared chunks, onnxruntime-node
 * left external (a native addon), and a `require` for the CommonJS dependencies. With `dependencies: "external"`
 * (the npm package) every package stays an import, resolved from the installer's node_modules; by default (dist/,
 * which GitHub runs without installing anything) they are bundled. `outdir` gets a package.json of its own (below).
 */
export async function bundle(entryPoints, outdir, { dependencies = "bundled" } = {}) {
  const result = await build({
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
    define: {
      __MODELGATE_VERSION__: JSON.stringify(version),
      // the layer-hashing worker's script (src/oci/layer-hash.ts starts it)
      __MODELGATE_HASH_WORKER__: JSON.stringify(
        workerScript(fileURLToPath(new URL("../src/oci/layer-hash-worker.ts", import.meta.url))),
      ),
    },
    logLevel: "warning",
    plugins: [zodLocales],
    banner: {
      js: "import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);",
    },
  });
  // The bundle's files say they are ES modules wherever they are copied (a test's or a bench's temporary folder has no
  // package.json above it): without it Node 20 parses each file as CommonJS first, fails, and parses it again as a
  // module, 7-11 ms more for validate's 43 files.
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
  return result;
}
