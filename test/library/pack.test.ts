import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";
import { PACKED_VERSION, packedInstall } from "../support/packed.ts";

// The package as npm ships it (test/support/packed.ts): packed from a copy of the project whose version differs from
// every fallback, installed in a fresh folder the way npm lays it out. The installed command's demo (the bundled
// example's lifecycle, from the package's own files) runs in test/demo/demo.test.ts, on this same install.
const VERSION = PACKED_VERSION;
const work = mkdtempSync(join(tmpdir(), "mg-pack-"));

test("npm pack ships the library (lib/ with .d.ts), the CLI, the schemas, the example and the workflows; a fresh folder runs it and imports it", async () => {
  const { project, tarball, app, bin } = packedInstall();
  assert.equal(basename(tarball), `modelgate-${VERSION}.tgz`);

  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n");
  for (const f of ["lib/index.js", "lib/index.d.ts", "lib/records/evaluation.d.ts", "lib/cli.js", "package.json"])
    assert.ok(files.includes(`package/${f}`), `the tarball has ${f}`);
  assert.ok(files.includes("package/schemas/evaluation-record.schema.json"));
  assert.ok(files.includes("package/workflows/modelgate-pr.yml"), "init copies the workflows");
  assert.ok(files.includes("package/examples/fraud-detection/modelgate.yaml"), "the demo runs the example");
  assert.deepEqual(
    files.filter((f) => /^package\/(src|test|dist|bench|scripts)\//.test(f)),
    [],
    "sources, tests, action bundles and build scripts stay out of the package",
  );

  const version = spawnSync(process.execPath, [bin, "--version"], { cwd: app, encoding: "utf8" });
  assert.equal(
    version.stdout,
    `${VERSION}\n`,
    `the installed \`modelgate --version\` (via the bin link): ${version.stderr}`,
  );

  // A program of the user's own: lock, validate and evaluate a model repository through the library.
  const repo = makeFixtureRepo();
  repo.write("data/churn-eval.csv", churnCsv(2, 20_000)); // enough rows × resamples for the bootstrap to use workers
  writeFileSync(
    join(app, "use.mjs"),
    `import { VERSION, bufferIo, evaluateRepositoryModel, evaluationRecordSchema, lockRepository, openWorkspace, validateRepository } from "modelgate";
const root = process.argv[2];
const locked = await lockRepository(root);
const validated = await validateRepository(root);
const io = bufferIo(root);
const { record } = await evaluateRepositoryModel(openWorkspace(io), { model: "churn", baseline: "none", resamples: 1000, latency: false });
evaluationRecordSchema.parse(record);
process.stdout.write(JSON.stringify({
  VERSION,
  locked: locked.map((c) => c.file),
  models: validated.models,
  digestErrors: validated.findings.filter((f) => f.check === "digest"),
  rows: record.dataset.rows,
  auc: record.candidate.metrics.roc_auc,
  modelgate: record.runtime.modelgate,
  threads: record.timings.bootstrapThreads,
  warnings: io.stderr.split("\\n").filter((l) => l.startsWith("warning")),
}));
`,
  );
  const used = spawnSync(process.execPath, ["use.mjs", repo.root], { cwd: app, encoding: "utf8" });
  assert.equal(used.status, 0, used.stderr);
  const out = JSON.parse(used.stdout);
  assert.equal(out.VERSION, VERSION);
  assert.ok(out.locked.includes("data/churn-eval.yaml"), "lock recorded the new data's digest and rows");
  assert.deepEqual(out.models, ["churn"]);
  assert.deepEqual(out.digestErrors, [], "validate agrees with what lock recorded");
  assert.equal(out.rows, 20_000);
  assert.ok(out.auc > 0.6 && out.auc < 1, `roc_auc ${out.auc}`);
  assert.equal(out.modelgate, VERSION, "the record states the package's version");
  assert.deepEqual(
    out.threads,
    { used: Math.min(availableParallelism(), 8), fallbacks: [] },
    "bootstrap workers start from the packaged library",
  );
  assert.deepEqual(out.warnings, []);

  // Its types: the declarations resolve for a strict NodeNext project, and they are real types, not `any`.
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2023",
        strict: true,
        noEmit: true,
        types: ["node"],
      },
      files: ["use.ts"],
    }),
  );
  writeFileSync(
    join(app, "use.ts"),
    `import { type EvaluationRecord, evaluationRecordSchema, validateRepository, VERSION } from "modelgate";
const version: string = VERSION;
const record: EvaluationRecord = evaluationRecordSchema.parse(JSON.parse("{}"));
const auc: number | null | undefined = record.candidate.metrics.roc_auc;
// @ts-expect-error: a finding is an object (if the types were \`any\`, this directive would be unused: an error)
const first: string = (await validateRepository(".")).findings[0];
export { auc, first, version };
`,
  );
  const tsc = join(project, "node_modules/typescript/bin/tsc");
  const checked = spawnSync(process.execPath, [tsc, "-p", app], { encoding: "utf8" });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
});

test("the version is package.json's: `modelgate --version` run from source and from the dist bundle", () => {
  const { project } = packedInstall();
  const fromSource = spawnSync(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "--version"], {
    cwd: project,
    encoding: "utf8",
  });
  assert.equal(fromSource.stdout, `${VERSION}\n`, fromSource.stderr);
  const out = join(work, "dist");
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--outdir", out], { cwd: project, encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  const fromBundle = spawnSync(process.execPath, [join(out, "cli.js"), "--version"], { encoding: "utf8" });
  assert.equal(fromBundle.stdout, `${VERSION}\n`, fromBundle.stderr);
});
