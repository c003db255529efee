import assert from "node:assert/strict";
import { test } from "node:test";
import { configFrom, headConfig } from "../../src/audit/history.ts";
import { manifestAt } from "../../src/manifest/at-commit.ts";

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
