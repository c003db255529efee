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
 * A file that says this in a comment starts its processes itself: it checks which process is git's parent.
 */
const OWN_PROCESSES = "modelgate-test: own-processes";

/**
 * Each end-to-end file's entry: test/support/e2e-preamble.ts, then the file. The preamble has the file's git
 * processes started by small helper processes instead of by the test process, which costs more to fork the larger it
 * is (test/support/git-bridge.ts). Files that say OWN_PROCESSES are bundled as they are.
 */
const preambleEntry = {
  name: "preamble",
  setup(b) {
    b.onResolve({ filter: /^modelgate-preamble:/ }, (a) => ({
      path: a.path.slice("modelgate-preamble:".length),
      namespace: "mg-preamble",
    }));
    b.onLoad({ filter: /.*/, namespace: "mg-preamble" }, (a) => ({
      contents: [join(root, "test/support/e2e-preamble.ts"), a.path]
        .map((p) => `import ${JSON.stringify(p)};`)
        .join("\n"),
      resolveDir: root,
      loader: "js",
    }));
  },
};

/** The entry that imports `files` in order, so that one process runs them all (see bundleTests). */
function togetherEntry(files) {
  return {
    name: "together",
    setup(b) {
      b.onResolve({ filter: /^modelgate-together$/ }, () => ({ path: "together", namespace: "mg-together" }));
      b.onLoad({ filter: /.*/, namespace: "mg-together" }, () => ({
        contents: files.map((f) => `import ${JSON.stringify(resolve(f))};`).join("\n"),
        resolveDir: root,
        loader: "js",
      }));
    },
  };
}

/**
 * Bundles `files` (paths under the repository), each into a file of its own behind the preamble (preambleEntry), and `together` into one file that runs
 * them one after another in a single process (the fast lane's pure files: a process each would cost about 0.25 s
 * of CPU apiece to start), into a folder of this run's own (git worktrees may share one node_modules), removed when
 * this process exits. Returns each file's bundle path, and the one of `together` (undefined when it is empty).
 */
export async function bundleTests(files, together = []) {
  const bundleDir = join(bundleRoot, `${process.pid}-${Date.now()}`);
  process.on("exit", () => rmSync(bundleDir, { recursive: true, force: true }));
  const entryPoints = files.map((f) => ({
    in: readFileSync(f, "utf8").includes(OWN_PROCESSES) ? f : `modelgate-preamble:${resolve(f)}`,
    out: relative(root, resolve(f)).replace(/\.ts$/, ""),
  }));
  if (together.length) entryPoints.push({ in: "modelgate-together", out: "together" });
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
    plugins: [togetherEntry(together), preambleEntry, externalPackages, sourceMeta],
  });
  return {
    each: files.map((_, i) => join(bundleDir, `${entryPoints[i].out}.mjs`)),
    together: together.length ? join(bundleDir, "together.mjs") : undefined,
  };
}
