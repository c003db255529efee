// Test files bundled by esbuild before Node's test runner loads them (scripts/test.mjs): each test file becomes one
// ESM file with modelgate's sources inside and its packages left as imports, so that a test process loads one file
// instead of going through tsx's loader, which transpiles and resolves each of a few hundred modules on another
// thread (about 0.3 s of CPU per test file here). Every module keeps the meaning of `import.meta` it has under tsx:
// `import.meta.url`, `.dirname` and `.filename` are its source file's, so fixtures, package.json and the worker
// modules started from the sources (src/util/source-worker.ts) are found where they are. The bundles land in
// node_modules/.cache/modelgate-tests/RUN/ under the test file's own path (packages resolve from node_modules), with a
// source map each, so that a failure's stack names the test's own file and line (`--enable-source-maps`).
import { readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build, transformSync } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const bundleRoot = join(root, "node_modules", ".cache", "modelgate-tests");

/** `import.meta.url`, `.dirname` and `.filename` of each TypeScript module replaced by its source file's. */
const sourceMeta = {
  name: "source-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta")) return { contents: text, loader: "ts" };
      // esbuild's own define works on the syntax tree: a script's text that names import.meta stays as written
      const { code } = transformSync(text, {
        loader: "ts",
        format: "esm",
        target: "node20",
        sourcefile: args.path,
        sourcemap: "inline",
        define: {
          "import.meta.url": JSON.stringify(pathToFileURL(args.path).href),
          "import.meta.dirname": JSON.stringify(dirname(args.path)),
          "import.meta.filename": JSON.stringify(args.path),
        },
      });
      return { contents: code, loader: "js" };
    });
  },
};

/**
 * Packages stay imports, resolved from node_modules as under tsx, except those that Node cannot load on its own and
 * tsx can: @actions/workflow-parser imports its JSON schema without an import attribute. The repository's scripts
 * stay imports too.
 */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@actions/workflow-parser") ? undefined : { path: args.path, external: true },
    );
    // the repository's own JavaScript scripts (a test imports scripts/bundle.mjs) run as they are, as under tsx
    b.onResolve({ filter: /scripts\// }, (args) => {
      const path = resolve(args.resolveDir, args.path);
      return path.startsWith(join(root, "scripts", "")) && !path.endsWith(".ts") ? { path, external: true } : undefined;
    });
  },
};

/**
 * Bundles `files` (paths under the repository) into a folder of this run's own (git worktrees may share one
 * node_modules), removed when this process exits; returns each one's bundle path, in the same order.
 */
export async function bundleTests(files) {
  const bundleDir = join(bundleRoot, `${process.pid}-${Date.now()}`);
  process.on("exit", () => rmSync(bundleDir, { recursive: true, force: true }));
  const entryPoints = files.map((f) => ({ in: f, out: relative(root, resolve(f)).replace(/\.ts$/, "") }));
  await build({
    entryPoints,
    outdir: bundleDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
    plugins: [externalPackages, sourceMeta],
  });
  return entryPoints.map((e) => join(bundleDir, `${e.out}.mjs`));
}
