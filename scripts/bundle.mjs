// The one esbuild and Rollup configuration for modelgate's bundles: dist/ (scripts/build.mjs), lib/
// (scripts/build-lib.mjs) and tests that bundle an entry.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { rollup } from "rollup";
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
 * The commands whose start the bundle's files are shaped for, each with the source modules it loads on its usual
 * path: the CLI's entry (every command, and `--help` alone), and the lazy modules the command imports there. esbuild
 * splits the code into a file for each set of entry points and lazy imports that reach it, 195 files for modelgate:
 * `validate` loaded 42 of them and `audit --json` 27, and Node 20 pays for each file it resolves, reads, compiles and
 * links (a benchmark of 39 modules against the same code in one file: 84 against 74 ms). The files these commands
 * load are merged (regroup, below) by which of the commands load them: `validate` then loads 6, `audit --json` 3.
 * A command not named here may load more code than it uses from a merged file; one named here never does. A module
 * renamed or no longer imported lazily stops the build, naming the entry to fix.
 */
const HOT_PATHS = {
  help: ["src/cli/bin.ts"],
  validate: ["src/cli/bin.ts", "src/commands/validate.ts", "src/data/csv.ts"],
  plan: ["src/cli/bin.ts", "src/commands/plan.ts", "src/plan/run.ts"],
  audit: ["src/cli/bin.ts", "src/commands/audit.ts", "src/audit/run.ts"],
  verify: [
    "src/cli/bin.ts",
    "src/commands/audit.ts",
    "src/audit/run.ts",
    "src/audit/exact.ts",
    "src/audit/judge-worker.ts",
    "src/audit/render.ts",
    "src/audit/trust-named.ts",
  ],
};

/**
 * Bundles `entryPoints` ({ in, out } pairs) into `outdir` as ESM for Node 20, with shared chunks, onnxruntime-node
 * left external (a native addon), and a `require` for the CommonJS dependencies. With `dependencies: "external"`
 * (the npm package) every package stays an import, resolved from the installer's node_modules; by default (dist/,
 * which GitHub runs without installing anything) they are bundled. esbuild writes its files to a temporary folder,
 * then Rollup writes them into `outdir` with the files of HOT_PATHS merged (regroup). `outdir` gets a package.json
 * of its own (below).
 */
export async function bundle(entryPoints, outdir, { dependencies = "bundled" } = {}) {
  const stage = mkdtempSync(join(tmpdir(), "mg-bundle-"));
  try {
    const result = await esbuildInto(stage, entryPoints, dependencies);
    await regroup(stage, outdir, entryPoints, result.metafile);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  // The bundle's files say they are ES modules wherever they are copied (a test's or a bench's temporary folder has no
  // package.json above it): without it Node 20 parses each file as CommonJS first, fails, and parses it again as a
  // module, 7-11 ms more for validate's 43 files.
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
}

function esbuildInto(outdir, entryPoints, dependencies) {
  return build({
    entryPoints,
    outdir,
    metafile: true,
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
}

/**
 * Rollup takes esbuild's files from `stage` as its modules and writes them to `outdir`, each file that a command of
 * HOT_PATHS loads (the static imports of its modules' files, from esbuild's metafile) merged with the others loaded by
 * the same commands; the rest as esbuild split them. No tree-shaking and no other change to the code: each file's text
 * goes in as esbuild wrote it.
 */
async function regroup(stage, outdir, entryPoints, metafile) {
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith(".js"));
  const fileOf = new Map(outputs.filter(([, o]) => o.entryPoint).map(([file, o]) => [o.entryPoint, resolve(file)]));
  const imports = new Map(
    outputs.map(([file, o]) => [
      resolve(file),
      o.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => resolve(i.path)),
    ]),
  );
  const loadedBy = new Map();
  for (const [command, sources] of Object.entries(HOT_PATHS)) {
    const todo = sources.map((source) => {
      const file = fileOf.get(source);
      if (!file) throw new Error(`scripts/bundle.mjs HOT_PATHS.${command}: ${source} is not a file of the bundle`);
      return file;
    });
    const seen = new Set();
    while (todo.length > 0) {
      const file = todo.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      todo.push(...(imports.get(file) ?? []));
    }
    for (const file of seen) loadedBy.set(file, [...(loadedBy.get(file) ?? []), command]);
  }
  const entries = new Set(entryPoints.map((e) => resolve(stage, `${e.out}.js`)));
  const built = await rollup({
    input: Object.fromEntries(entryPoints.map((e) => [e.out, resolve(stage, `${e.out}.js`)])),
    external: (id) => !id.startsWith(".") && !id.startsWith("/"),
    treeshake: false,
    onwarn: (warning, warn) => {
      // esbuild's files import each other in cycles where their modules did, and keep their own `eval` guards
      if (warning.code !== "CIRCULAR_DEPENDENCY" && warning.code !== "EVAL") warn(warning);
    },
  });
  try {
    await built.write({
      dir: outdir,
      format: "es",
      entryFileNames: "[name].js",
      chunkFileNames: "chunks/[name]-[hash].js",
      manualChunks: (id) => (entries.has(id) || !loadedBy.has(id) ? undefined : `hot-${loadedBy.get(id).join("-")}`),
    });
  } finally {
    await built.close();
  }
  // an entry with a shebang (the CLI) stays executable, as esbuild writes it: npm links it as the `modelgate` bin
  for (const e of entryPoints) {
    const file = join(outdir, `${e.out}.js`);
    if (readFileSync(file, "utf8").startsWith("#!")) chmodSync(file, 0o755);
  }
}
