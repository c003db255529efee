/**
 * The manifests' generated checks (src/manifest/schema-check.ts, from the zod schemas by src/records/compiled.ts):
 * on the example's manifests and thousands of mutated copies, a check never accepts what zod rejects, and what it
 * accepts it returns as zod does (the same value, keys in the same order).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { API_VERSION, type Kind, manifestSchemas } from "../../src/manifest/schema.ts";
import { checkConfig, checkDataset, checkModel } from "../../src/manifest/schema-check.ts";
import { fastYamlValue } from "../../src/manifest/yaml-fast.ts";

const example = join(import.meta.dirname, "../../examples/fraud-detection");
// the example's Config, Model and two Datasets (the third is like them): training data, and data with a drift reference
const files = [
  "modelgate.yaml",
  "models/fraud-detector/model.yaml",
  "data/transactions-train.yaml",
  "data/transactions-drift.yaml",
];
const manifests = files.map((f) => fastYamlValue(readFileSync(join(example, f), "utf8")) as Record<string, unknown>);
const checks: Record<Kind, (x: unknown) => unknown> = { Config: checkConfig, Dataset: checkDataset, Model: checkModel };

/** Values the schemas have (and have not) at some key: the edges of their ranges, wrong types, paths, URLs. */
const replacements: unknown[] = [
  null,
  "",
  "x",
  "Upper",
  "org/team",
  "1.2.3",
  "7d",
  "/abs/path",
  "s3://",
  "ftp://host/x",
  "sha256:" + "a".repeat(64),
  0,
  -1,
  0.5,
  1.5,
  4096,
  100_001,
  Number.POSITIVE_INFINITY,
  true,
  {},
  [],
  ["x"],
  { extra: 1 },
];

/**
 * Every path of a value under `from` (of a list, the first two items' and the last's; of the profile, its first two
 * columns': the others are alike).
 */
function* paths(
  v: unknown,
  path: (string | number)[] = [],
  from: (string | number)[] = [],
): Generator<(string | number)[]> {
  if (from.every((k, i) => path[i] === undefined || path[i] === k)) {
    if (path.length >= from.length) yield path;
  } else return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (i < 2 || i === v.length - 1) yield* paths(v[i], [...path, i], from);
  } else if (v && typeof v === "object")
    for (const [i, [k, x]] of Object.entries(v).entries())
      if (i < 2 || path[path.length - 1] !== "profile") yield* paths(x, [...path, k], from);
}
const clone = <T>(x: T): T => structuredClone(x);

/** Copies of `m` with each value under `from` replaced (each replacement), removed, and an unknown key beside it. */
function* mutated(m: object, from: string[] = []): Generator<unknown> {
  for (const path of paths(m, [], from)) {
    if (path.length === 0) continue;
    const parentOf = (r: unknown) => path.slice(0, -1).reduce((o: any, k) => o[k], r) as any;
    const last = path[path.length - 1];
    for (const x of replacements) {
      const r = clone(m);
      parentOf(r)[last] = x;
      yield r;
    }
    const removed = clone(m);
    if (Array.isArray(parentOf(removed))) parentOf(removed).splice(last, 1);
    else delete parentOf(removed)[last];
    yield removed;
    const extra = clone(m);
    const parent = parentOf(extra);
    if (parent && typeof parent === "object" && !Array.isArray(parent)) parent.unexpected = 1;
    yield extra;
  }
}

/** Optional parts the example leaves out, each added on its own (so that their own mutations are checked too). */
const additions: Record<Kind, Record<string, unknown>[]> = {
  Config: [
    { deploy: { gitops: "argocd", argocd: { repoURL: "https://github.com/acme/models.git" } } },
    { deploy: { gitops: "flux", flux: { interval: "1h30m", sourceRef: { kind: "Bucket" } } } },
    { deploy: { gitops: "argocd" } }, // refused: Argo CD's objects need the repository it reads
    { base: { image: "busybox", digest: `sha256:${"c".repeat(64)}` }, registry: "ghcr.io/acme/models" },
    { paths: { models: "./models/", data: "data//x/../y", deploy: "deploy", records: "records" } },
    { gitops: { remote: "../gitops", branch: "main" }, identity: { name: "bot", email: "bot@example.com" } },
    { github: { app: "my-app", statusCreator: "me" }, storage: { s3: { forcePathStyle: true } } },
    { allowWarn: false, attest: "required", trustPolicy: "trust.yaml" },
    { approval: { riskClass: { minimal: {}, limited: { teams: ["org/t"] } }, excludeCommitAuthors: true } },
  ],
  Dataset: [
    { csv: { delimiter: ";" }, blocks: { size: 4096, sha256: ["d".repeat(64)] } },
    { checks: { minRows: 1, maxRows: 10, uniqueBy: ["a", "b"] }, drift: { psiWarn: 0.2, reference: "other" } },
    {
      profile: {
        a: { kind: "numeric", edges: [1, 2], fractions: [0.2, 0.3, 0.5], nullFraction: 0, count: 3, mean: 1.5 },
        b: { kind: "categorical", fractions: { x: 1 }, nullFraction: 0.1, distinct: 1 },
      },
    },
    { datasheet: { motivation: "m", license: "CC0" }, path: "s3://bucket/data.csv" },
  ],
  Model: [
    {
      gates: [
        { metric: "roc_auc", min: 0.8, severity: "warn" },
        { sliceGap: "recall", over: "region", max: 0.1 },
      ],
    },
    { approval: { approvals: 2, reviewers: { users: ["a"] }, riskClass: { high: { extraApprovals: 1 } } } },
    {
      monitoring: {
        drift: { features: ["a"], test: "ks", alpha: 0.01, share: 0.5, correction: "none" },
        onAlert: ["rollback"],
      },
    },
    { training: { command: ["python", "t.py"], shell: true, workdir: "src", output: "out.onnx", env: ["A_B"] } },
    { deployment: { target: "triton" }, outputs: {}, card: {} },
    { evaluation: { datasets: ["e"], shards: 4, shardRows: 10, nanPolicy: "count" } },
  ],
};

test("the generated manifest checks accept only what zod accepts, and return what zod returns", () => {
  let accepted = 0;
  let deferred = 0;
  let both = 0;
  for (const m of manifests) {
    const kind = m.kind as Kind;
    const schema = manifestSchemas[kind];
    const check = checks[kind];
    // the manifest and its mutations; each addition and the mutations of what it adds
    const variants = [
      { v: m, from: [] },
      ...additions[kind].flatMap((a) =>
        Object.keys(a).map((k) => ({ v: { ...m, spec: { ...(m.spec as object), ...a } }, from: ["spec", k] })),
      ),
    ];
    for (const { v, from } of variants) {
      for (const input of [v, ...mutated(v, from)]) {
        const fast = check(input);
        const zod = schema.safeParse(input, { jitless: true });
        if (zod.success) both++;
        if (fast === undefined) {
          deferred++;
          continue;
        }
        accepted++;
        assert.ok(zod.success, `the check accepted what zod refuses: ${JSON.stringify(input).slice(0, 400)}`);
        // the same value, keys in the same order
        assert.equal(JSON.stringify(fast), JSON.stringify(zod.data));
        assert.deepEqual(fast, zod.data);
      }
    }
    // the manifest as written is taken without zod
    assert.deepEqual(check(m), schema.parse(m), kind);
  }
  // nearly all that zod accepts is accepted (deferred: only the refinements' rejections and unusual numbers)
  assert.ok(accepted > 0.95 * both && deferred > 1000, `${accepted} accepted (zod ${both}), ${deferred} deferred`);
});

test("a manifest's defaults are fresh copies: changing one parsed value does not change the next", () => {
  const minimal = { apiVersion: API_VERSION, kind: "Config", metadata: { name: "x" } };
  const a = checkConfig(minimal) as any;
  a.spec.environments[0].name = "changed";
  a.spec.approval.reviewers.users.push("eve");
  const b = checkConfig(minimal) as any;
  assert.deepEqual(b, manifestSchemas.Config.parse(minimal));
  assert.equal(b.spec.environments[0].name, "staging");
  // the configuration used when modelgate.yaml is unusable (manifest/loaded.ts)
  const dflt = { apiVersion: API_VERSION, kind: "Config", metadata: { name: "default" } };
  assert.equal(JSON.stringify(checkConfig(dflt)), JSON.stringify(manifestSchemas.Config.parse(dflt)));
});
