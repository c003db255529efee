import assert from "node:assert/strict";
import { test } from "node:test";
import { auditConfigOf, defaultAuditConfig } from "../../src/audit/config-check.ts";
import { configFrom, headConfig } from "../../src/audit/history.ts";
import { manifestAt } from "../../src/manifest/at-commit.ts";
import { configSchema } from "../../src/manifest/schema.ts";

/** What audit read before the fast reader: ../manifest/at-commit.ts's rules, its errors, or the defaults. */
function slow(bytes: Buffer | undefined) {
  try {
    return { config: configFrom(manifestAt("HEAD", "modelgate.yaml", bytes, "Config"), true) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
async function fast(bytes: Buffer | undefined) {
  try {
    return { config: await headConfig("HEAD", bytes) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const head = "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bench\n";
const texts: Record<string, string> = {
  "empty spec": `${head}spec: {}\n`,
  "paths normalised": `${head}spec:\n  paths:\n    deploy: ./deploy/\n    records: ./ledger//\n    models: models\n`,
  environments: `${head}spec:\n  environments:\n    - name: staging\n    - name: production\n      requiresApproval: true\n      offlineReleases: true\n  gitops:\n    remote: origin\n    branch: gitops\n  identity:\n    name: bot\n    email: bot@example.com\n`,
  "quoted and flow": `${head}spec:\n  environments: [{ name: "qa" }, { name: 'prod', requiresApproval: true }]\n`,
  comments: `# the repository's configuration\n${head}spec: # none\n  paths: {deploy: k8s} # here\n`,
  "anchors (yaml's reader)": `${head.replace("name: bench", "name: &n bench")}spec:\n  paths:\n    deploy: ./deploy/\n`,
  "block scalar (yaml's reader)": `${head}spec:\n  trustPolicy: >-\n    trust.yaml\n`,
  "YAML syntax error": `${head}spec: {\n`,
  "duplicate key": `apiVersion: modelgate.dev/v1alpha1\nkind: Config\nkind: Config\nmetadata:\n  name: x\nspec: {}\n`,
  "unknown key": `${head}spec:\n  pathz: {}\n`,
  "wrong kind": `apiVersion: modelgate.dev/v1alpha1\nkind: Model\nmetadata:\n  name: x\nspec: {}\n`,
  "missing kind": `apiVersion: modelgate.dev/v1alpha1\nmetadata:\n  name: x\nspec: {}\n`,
  "wrong apiVersion": `apiVersion: modelgate.dev/v2\nkind: Config\nmetadata:\n  name: x\nspec: {}\n`,
  "path outside": `${head}spec:\n  paths:\n    deploy: ../deploy\n`,
  "bad environment": `${head}spec:\n  environments:\n    - requiresApproval: yes\n`,
  "a list": "- a\n- b\n",
  "a scalar": "hello\n",
  empty: "",
};

test("the audited commit's modelgate.yaml: the fast reader gives the config (or the error) at-commit.ts gives", async () => {
  assert.deepEqual(await fast(undefined), slow(undefined), "absent: the defaults");
  for (const [name, text] of Object.entries(texts)) {
    const bytes = Buffer.from(text);
    assert.deepEqual(await fast(bytes), slow(bytes), name);
  }
});

test("a valid configuration in the plain style gives its config, an invalid one its error", async () => {
  const ok = await fast(Buffer.from(texts["paths normalised"]));
  assert.equal(ok.config?.deploy, "deploy");
  assert.equal(ok.config?.records, "ledger");
  const bad = await fast(Buffer.from(texts["unknown key"]));
  assert.match(bad.error ?? "", /HEAD:modelgate\.yaml: unknown key "pathz" in spec.*\(line 6\)/);
});

/** A configuration that writes every key of the schema. */
const full = {
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "Config",
  metadata: { name: "acme", labels: { team: "ml" }, annotations: { note: "x" } },
  spec: {
    registry: "ghcr.io/acme/models",
    base: { image: "busybox", digest: `sha256:${"a".repeat(64)}` },
    kserve: { version: "0.20.0", storage: "image-volume" },
    deploy: {
      gitops: "argocd",
      argocd: {
        repoURL: "https://github.com/acme/models.git",
        targetRevision: "main",
        namespace: "argocd",
        project: "default",
        server: "https://kubernetes.default.svc",
      },
      flux: { namespace: "flux-system", sourceRef: { kind: "GitRepository", name: "flux-system" }, interval: "1h30m" },
    },
    environments: [
      { name: "staging", promotion: "direct", requiresTag: false, githubEnvironment: "staging", namespace: "stg" },
      {
        name: "production",
        promotion: "pull-request",
        requiresTag: true,
        requiresApproval: true,
        offlineReleases: true,
      },
    ],
    approval: {
      approvals: 2,
      reviewers: { users: ["bob"], teams: ["acme/ml"], codeowners: true },
      riskClass: { high: { extraApprovals: 1, teams: ["acme/risk"] }, minimal: {} },
      excludeCommitAuthors: true,
    },
    releasers: { users: ["dana"], teams: ["acme/release"] },
    drift: { psiWarn: 0.2, psiFail: 0.5 },
    paths: { models: "./m/", data: "d//x", deploy: "k8s/../deploy", records: "ledger" },
    gitops: { remote: "origin", branch: "gitops" },
    identity: { name: "bot", email: "bot@example.com" },
    github: { app: "acme-app", statusCreator: "acme-app[bot]" },
    storage: { s3: { forcePathStyle: true } },
    allowWarn: false,
    attest: "optional",
    trustPolicy: "trust.yaml",
  },
};

/** Every path of a JSON value. */
function* paths(v: unknown, path: (string | number)[] = []): Generator<(string | number)[]> {
  yield path;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* paths(v[i], [...path, i]);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) yield* paths(x, [...path, k]);
}

test("the fast check of modelgate.yaml accepts only what the schema accepts, and reads what configFrom reads", () => {
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
  const replacements = [
    null,
    "x",
    "",
    "a/b",
    "acme/ml",
    0,
    -1,
    1,
    1.5,
    2 ** 60,
    true,
    false,
    {},
    [],
    ["x"],
    { extra: 1 },
  ];
  const inputs: unknown[] = [full, { ...full, spec: {} }, { ...full, spec: undefined }];
  for (const path of paths(full)) {
    if (path.length === 0) continue;
    const at = (r: unknown) => path.slice(0, -1).reduce((o: any, k) => o[k], r) as any;
    const last = path[path.length - 1];
    for (const x of replacements) {
      const r = clone(full);
      at(r)[last] = x;
      inputs.push(r);
    }
    const r = clone(full);
    if (Array.isArray(at(r))) at(r).splice(last, 1);
    else delete at(r)[last];
    inputs.push(r);
    const extra = clone(full);
    if (at(extra) && typeof at(extra) === "object" && !Array.isArray(at(extra))) at(extra).unexpected = 1;
    inputs.push(extra);
  }
  inputs.push(null, [], "Config", { ...full, deploy: undefined, spec: { deploy: { gitops: "argocd" } } });
  let accepted = 0;
  let deferred = 0;
  for (const input of inputs) {
    const fast = auditConfigOf(input);
    if (fast === undefined) {
      deferred++;
      continue;
    }
    accepted++;
    const zod = configSchema.safeParse(input);
    assert.ok(zod.success, `the fast check accepted what the schema rejects: ${JSON.stringify(input).slice(0, 400)}`);
    const want = configFrom({ file: "modelgate.yaml", found: true, value: zod.data, findings: [] }, true);
    assert.equal(JSON.stringify(fast), JSON.stringify(want));
  }
  // the valid mutations (an optional key removed, another valid value) are read without zod
  assert.ok(accepted > 60 && deferred > 300, `${accepted} accepted, ${deferred} deferred`);
  assert.equal(auditConfigOf(full)?.deploy, "deploy");
});

test("the defaults audit reads without modelgate.yaml are the schema's", () => {
  const spec = configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "a" } });
  const want = configFrom({ file: "modelgate.yaml", found: true, value: spec, findings: [] }, true);
  assert.equal(JSON.stringify(defaultAuditConfig()), JSON.stringify(want));
  assert.equal(
    JSON.stringify(configFrom({ file: "modelgate.yaml", found: false, findings: [] })),
    JSON.stringify(want),
  );
});
