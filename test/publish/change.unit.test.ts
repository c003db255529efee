import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { gitopsFacts } from "../../src/deploy/gitops.ts";
import { readOverlayPin } from "../../src/deploy/render.ts";
import { UserError } from "../../src/errors.ts";
import { chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { promotionTrailers } from "../../src/ledger/trailers.ts";
import { configSchema, modelSchema } from "../../src/manifest/schema.ts";
import { sha256Of } from "../../src/ledger/canonical.ts";
import { ArtifactType } from "../../src/oci/referrers.ts";
import {
  type CheckedModel,
  describeModelPlan,
  heldBy,
  planPublish,
  type PublishPlanFacts,
  publishChange,
  publishReferrers,
  tipReads,
  UNBUILT_IMAGE,
} from "../../src/publish/change.ts";
import { evaluationRecordSchema } from "../../src/records/evaluation.ts";
import { judge } from "../../src/report/gates.ts";

// Fast tests of publish's plan and change: values in, values out (no git, no disk, no network).

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const ARTIFACT = hex("model bytes");
const DATA = hex("data bytes");
const MERGE = "a1".repeat(20);
const HEAD = "b2".repeat(20);
const DIGEST = `sha256:${hex("image index")}`;

const model = modelSchema.parse(
  parseYaml(`apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata:
  name: churn
spec:
  version: 1.1.0
  owners: [alice]
  task: binary-classification
  artifact: { path: model.onnx, sha256: ${ARTIFACT} }
  inputs: { features: [tenure, spend] }
  outputs: { probability: probabilities, label: label }
  label: { column: churned, classes: [0, 1], positive: 1 }
  evaluation: { datasets: [churn-eval] }
  gates:
    - { metric: roc_auc, min: 0.6 }
  card: { intendedUse: Testing modelgate. }
`),
);

const record = evaluationRecordSchema.parse({
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "EvaluationRecord",
  model: { name: "churn", version: "1.1.0", task: "binary-classification" },
  dataset: {
    name: "churn-eval",
    path: "data/churn-eval.csv",
    sha256: DATA,
    format: "csv",
    rows: 300,
    label: "churned",
    features: ["tenure", "spend"],
  },
  bootstrap: { method: "paired-poisson", resamples: 0, seed: 1, confidence: 0.95 },
  candidate: {
    role: "candidate",
    source: "models/churn/model.onnx",
    version: "1.1.0",
    sha256: ARTIFACT,
    metrics: { roc_auc: 0.81, accuracy: 0.74, brier: 0.2 },
    intervals: {},
  },
  runtime: { onnxruntime: "1.20.0", node: "20", modelgate: "0.1.0" },
});
const recordBytes = Buffer.from(`${JSON.stringify(record, null, 2)}\n`);

const checked: CheckedModel = {
  model,
  dir: "models/churn",
  artifactPath: "models/churn/model.onnx",
  recordFile: "/ci/records/churn.json",
  recordBytes,
  record,
  verdict: judge({ model, record }),
  card: { model, record },
};

const facts = (over: Partial<PublishPlanFacts> = {}): PublishPlanFacts => ({
  sha: MERGE,
  pull: { number: 7, author: "alice", head: HEAD, url: "https://github.com/acme/models/pull/7" },
  approvers: [{ login: "bob", reviewId: 101, commit: HEAD, submittedAt: "2026-11-28T10:00:00Z" }],
  triggeredBy: "bob",
  environments: ["staging", "production"],
  paths: { records: "records", deploy: "deploy" },
  target: { remote: "origin", branch: "main" },
  registry: "registry.example.com/acme/",
  layoutDir: "/repo/.modelgate/images",
  models: [checked],
  ...over,
});

const AT = "2026-11-28T11:00:00Z";
const image = { digest: DIGEST, scheme: "oci+native" as const };

test("planPublish: each model's image (pushed under the registry, or a layout with the placeholder repository), files and tag, before anything is built", () => {
  const plan = planPublish(facts());
  const [m] = plan.models;
  assert.equal(plan.registry, "registry.example.com/acme", "a trailing slash is dropped");
  assert.deepEqual(m.image, {
    repository: "registry.example.com/acme/churn",
    push: "registry.example.com/acme/churn:1.1.0",
    evalRecord: "/ci/records/churn.json",
    revision: MERGE,
  });
  assert.deepEqual(m.files, {
    ledger: "records/churn/promotions.jsonl",
    evaluationCopy: `records/churn/evaluations/${hex(recordBytes.toString())}.json`,
    base: "deploy/churn/base/",
    overlays: [
      { environment: "staging", path: "deploy/churn/overlays/staging/kustomization.yaml", pinned: true },
      { environment: "production", path: "deploy/churn/overlays/production/kustomization.yaml", pinned: false },
    ],
    gitops: [],
    card: "models/churn/MODEL_CARD.md",
  });
  assert.equal(m.environment, "staging");
  assert.equal(m.versionTag, "churn@v1.1.0");
  assert.deepEqual(tipReads(m), [
    "records/churn/promotions.jsonl",
    "models/churn/MODEL_CARD.md",
    "deploy/churn/overlays/production/kustomization.yaml",
  ]);

  const local = planPublish(
    facts({ registry: undefined, models: [{ ...checked, artifactFile: "/ci/artifacts/models/churn/model.onnx" }] }),
  ).models[0];
  assert.deepEqual(local.image, {
    repository: "registry.invalid/churn",
    layout: "/repo/.modelgate/images:churn-1.1.0",
    artifactFile: "/ci/artifacts/models/churn/model.onnx",
    evalRecord: "/ci/records/churn.json",
    revision: MERGE,
  });
  const words = describeModelPlan(planPublish(facts()), m).join("\n");
  assert.match(words, /push registry\.example\.com\/acme\/churn:1\.1\.0/);
  assert.match(words, /commit to main of origin: records\/churn\/promotions\.jsonl/);
  assert.match(words, /tag: churn#staging#N/);
});

test("spec.deploy.gitops: publish plans and writes each environment's Argo CD Application or Flux Kustomization", () => {
  const spec = (gitops: "argocd" | "flux") =>
    configSchema.parse({
      apiVersion: "modelgate.dev/v1alpha1",
      kind: "Config",
      metadata: { name: "acme" },
      spec: {
        deploy: { gitops, argocd: { repoURL: "https://github.com/acme/models.git" } },
        environments: [{ name: "staging" }, { name: "production", namespace: "models-prod" }],
      },
    }).spec;
  for (const tool of ["argocd", "flux"] as const) {
    const plan = planPublish(facts({ gitops: gitopsFacts(spec(tool), "main") }));
    const [m] = plan.models;
    assert.deepEqual(m.files.gitops, [
      { environment: "staging", name: "churn-staging", path: "deploy/churn/gitops/staging.yaml", tool },
      { environment: "production", name: "churn-production", path: "deploy/churn/gitops/production.yaml", tool },
    ]);
    const kind = tool === "argocd" ? "Argo CD Application" : "Flux Kustomization";
    assert.match(
      describeModelPlan(plan, m).join("\n"),
      new RegExp(`deploy/churn/gitops/production\\.yaml \\(${kind}\\)`),
    );
    const c = publishChange({ plan, model: m, image, tip: { files: {}, tags: [] }, at: AT });
    assert.equal(c.kind, "commit");
    if (c.kind !== "commit") return;
    // every environment's object, the pinned one's and the others', each in its namespace
    for (const [env, ns] of [
      ["staging", "staging"],
      ["production", "models-prod"],
    ]) {
      const docs: any[] = parseAllDocuments(c.files[`deploy/churn/gitops/${env}.yaml`]).map((d) => d.toJS());
      const app = docs.at(-1);
      assert.equal(app.metadata.name, `churn-${env}`);
      if (tool === "argocd") {
        assert.deepEqual(app.spec.source, {
          repoURL: "https://github.com/acme/models.git",
          targetRevision: "main",
          path: `deploy/churn/overlays/${env}`,
        });
        assert.equal(app.spec.destination.namespace, ns);
      } else {
        assert.equal(app.spec.path, `./deploy/churn/overlays/${env}`);
        assert.equal(app.spec.targetNamespace, ns);
        assert.deepEqual(docs[0], {
          apiVersion: "v1",
          kind: "Namespace",
          metadata: {
            name: ns,
            labels: { "app.kubernetes.io/managed-by": "modelgate", "modelgate.dev/environment": env },
          },
        });
      }
    }
  }
  // a name Argo CD and Flux could not label with is refused before anything is built (exit 2, naming the fix)
  const long = "e".repeat(58);
  assert.throws(
    () => planPublish(facts({ environments: ["staging", long], gitops: gitopsFacts(spec("flux"), "main") })),
    (e: Error) =>
      e instanceof UserError && /would be named churn-e{58} \(64 characters\).*at most 63: shorten/.test(e.message),
  );
  // without spec.deploy.gitops: none
  assert.equal(
    gitopsFacts(
      configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "a" } }).spec,
    ),
    undefined,
  );
});

test("publishChange on an empty branch: the first record of the chain, overlays pinned by digest, the card, the evaluation copy, trailers from the record, tag #1", () => {
  const plan = planPublish(facts());
  const c = publishChange({ plan, model: plan.models[0], image, tip: { files: {}, tags: [] }, at: AT });
  assert.equal(c.kind, "commit");
  if (c.kind !== "commit") return;
  assert.equal(c.stageTag, "churn#staging#1");
  assert.deepEqual(c.tag, {
    name: "churn#staging#1",
    target: "HEAD",
    message: "churn 1.1.0 to staging (modelgate publish)",
  });
  const r = c.record;
  assert.equal(r.sequence, 1);
  assert.equal(r.previous, null);
  assert.equal(r.action, "publish");
  assert.equal(r.at, AT);
  assert.deepEqual(r.model, { name: "churn", version: "1.1.0", sha256: ARTIFACT, path: "models/churn/model.onnx" });
  assert.deepEqual(r.data, [{ name: "churn-eval", sha256: DATA }]);
  assert.equal(r.evaluation.record, `sha256:${hex(recordBytes.toString())}`);
  assert.equal(r.evaluation.verdict, "pass");
  assert.deepEqual(r.evaluation.metrics, { roc_auc: 0.81, accuracy: 0.74 }, "headline metrics only");
  assert.deepEqual(r.pullRequest, {
    number: 7,
    author: "alice",
    head: HEAD,
    url: "https://github.com/acme/models/pull/7",
  });
  assert.deepEqual(r.approvals, [
    { reviewer: "bob", reviewId: 101, commit: HEAD, submittedAt: "2026-11-28T10:00:00Z" },
  ]);
  assert.deepEqual(r.image, { reference: `registry.example.com/acme/churn@${DIGEST}`, digest: DIGEST });
  assert.equal(r.source, MERGE);
  assert.equal(r.triggeredBy, "bob");

  const files = Object.keys(c.files).sort();
  assert.deepEqual(files, [
    "deploy/churn/base/inferenceservice.yaml",
    "deploy/churn/base/kustomization.yaml",
    "deploy/churn/overlays/production/kustomization.yaml",
    "deploy/churn/overlays/staging/kustomization.yaml",
    "models/churn/MODEL_CARD.md",
    "records/churn/evaluations/" + `${hex(recordBytes.toString())}.json`,
    "records/churn/promotions.jsonl",
  ]);
  const ledger = parseLedger(c.files["records/churn/promotions.jsonl"]);
  assert.deepEqual(ledger.problems, []);
  assert.deepEqual(ledger.entries[0].record, r);
  assert.equal(ledger.entries[0].digest, c.digest);
  assert.equal(c.files[r.evaluation.path], recordBytes.toString(), "the record kept byte for byte under its digest");
  const pin = readOverlayPin(c.files["deploy/churn/overlays/staging/kustomization.yaml"]);
  assert.deepEqual(pin, {
    image: `registry.example.com/acme/churn@${DIGEST}`,
    scheme: "oci+native",
    version: "1.1.0",
    record: c.digest,
  });
  assert.equal(readOverlayPin(c.files["deploy/churn/overlays/production/kustomization.yaml"]), undefined);
  assert.match(c.files["models/churn/MODEL_CARD.md"], new RegExp(`\\| Image \\| .*${DIGEST.slice(7)}`));
  // the card bound into the record by its digest
  assert.deepEqual(r.card, { path: "models/churn/MODEL_CARD.md", sha256: hex(c.files["models/churn/MODEL_CARD.md"]) });

  // The message: subject, body, and exactly the trailers of the record (the list audit verify expects).
  const trailers = promotionTrailers(r, c.digest)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  assert.ok(c.message.startsWith("Publish churn 1.1.0 to staging\n\nPull request #7 by alice"), c.message);
  assert.ok(c.message.endsWith(trailers), c.message);
  assert.match(c.message, /git tag -a churn@v1\.1\.0 -m "churn 1\.1\.0" <this commit>/);

  // Pure: the same facts give the same change.
  assert.deepEqual(publishChange({ plan, model: plan.models[0], image, tip: { files: {}, tags: [] }, at: AT }), c);
});

test("publishChange on a branch with history: chained to the last record, the next free stage number, other environments' overlays and the card's own text kept", () => {
  const plan = planPublish(facts());
  const m = plan.models[0];
  const first = publishChange({
    plan: planPublish(facts({ sha: "c3".repeat(20) })),
    model: m,
    image,
    tip: { files: {}, tags: [] },
    at: AT,
  });
  assert.equal(first.kind, "commit");
  if (first.kind !== "commit") return;
  const production = "# a production overlay written by an earlier release\n";
  const card = "# Churn\n\nWords a person wrote.\n";
  const c = publishChange({
    plan,
    model: m,
    image,
    tip: {
      files: {
        [m.files.ledger]: first.files[m.files.ledger],
        [m.files.card]: card,
        "deploy/churn/overlays/production/kustomization.yaml": production,
      },
      tags: ["churn#staging#1", "churn#staging#2", "other#staging#9", "churn@v1.0.0"],
    },
    at: AT,
  });
  assert.equal(c.kind, "commit");
  if (c.kind !== "commit") return;
  assert.equal(c.stageTag, "churn#staging#3");
  assert.equal(c.record.sequence, 2);
  assert.equal(c.record.previous, first.digest);
  const { entries } = parseLedger(c.files[m.files.ledger]);
  assert.equal(entries.length, 2);
  assert.deepEqual(chainProblems(entries), []);
  assert.equal(
    c.files["deploy/churn/overlays/production/kustomization.yaml"],
    undefined,
    "an existing overlay of another environment is not rewritten",
  );
  assert.match(c.files[m.files.card], /Words a person wrote\./);
});

test("publishChange: a rerun of the same merge is 'already' (nothing to write); a damaged ledger is refused by name", () => {
  const plan = planPublish(facts());
  const m = plan.models[0];
  const done = publishChange({ plan, model: m, image, tip: { files: {}, tags: [] }, at: AT });
  assert.equal(done.kind, "commit");
  if (done.kind !== "commit") return;
  const again = publishChange({
    plan,
    model: m,
    image: { digest: `sha256:${hex("another build")}`, scheme: "oci+native" as const },
    tip: { files: { [m.files.ledger]: done.files[m.files.ledger] }, tags: ["churn#staging#1"] },
    at: "2026-11-29T00:00:00Z",
  });
  assert.deepEqual(again, { kind: "already", record: done.record });

  assert.throws(
    () =>
      publishChange({ plan, model: m, image, tip: { files: { [m.files.ledger]: "{not json\n" }, tags: [] }, at: AT }),
    (err: Error) =>
      err instanceof UserError &&
      /records\/churn\/promotions\.jsonl on main is damaged \(line 1: .*\); run `modelgate audit verify churn`/.test(
        err.message,
      ),
  );
});

test("publishChange: a verdict that warned is recorded as warn, and an image with a shell is served through oci://", () => {
  const warned = {
    ...checked,
    verdict: { ...checked.verdict, status: "warn" as const },
  };
  const plan = planPublish(facts({ models: [warned] }));
  const c = publishChange({
    plan,
    model: plan.models[0],
    image: { digest: DIGEST, scheme: "oci" as const },
    tip: { files: {}, tags: [] },
    at: AT,
  });
  assert.equal(c.kind, "commit");
  if (c.kind !== "commit") return;
  assert.equal(c.record.evaluation.verdict, "warn");
  assert.match(
    c.files["deploy/churn/overlays/staging/kustomization.yaml"],
    /oci:\/\/registry\.example\.com\/acme\/churn@/,
  );
});

test("publishChange follows merge order: an environment running a later merge's record is 'superseded', not downgraded", () => {
  const LATER = "c3".repeat(20);
  const plan = planPublish(facts());
  const m = plan.models[0];
  // the later merge published first
  const laterPlan = planPublish(facts({ sha: LATER }));
  const first = publishChange({
    plan: laterPlan,
    model: laterPlan.models[0],
    image,
    tip: { files: {}, tags: [] },
    at: AT,
  });
  assert.equal(first.kind, "commit");
  if (first.kind !== "commit") return;
  const ledger = first.files[m.files.ledger];
  const tip = { files: { [m.files.ledger]: ledger }, tags: ["churn#staging#1"] };
  const late = publishChange({ plan, model: m, image, tip: { ...tip, laterMerges: new Set([LATER]) }, at: AT });
  assert.equal(late.kind, "superseded");
  if (late.kind !== "superseded") return;
  assert.equal(late.merge, LATER);
  assert.equal(late.held.record.stageTag, "churn#staging#1");
  // the merge that came before is no obstacle: this one is newer, and it is published on top
  const newer = publishChange({ plan, model: m, image, tip: { ...tip, laterMerges: new Set() }, at: AT });
  assert.equal(newer.kind, "commit");
  // the pre-flight's unbuilt image computes the same outcome
  assert.equal(
    publishChange({ plan, model: m, image: UNBUILT_IMAGE, tip: { ...tip, laterMerges: new Set([LATER]) }, at: AT })
      .kind,
    "superseded",
  );
});

test("heldBy: a publish record holds by its own merge; a release or rollback by the merge of the publish record it promotes", () => {
  const plan = planPublish(facts());
  const c = publishChange({ plan, model: plan.models[0], image, tip: { files: {}, tags: [] }, at: AT });
  if (c.kind !== "commit") throw new Error(c.kind);
  const entries = parseLedger(c.files[plan.models[0].files.ledger]).entries;
  assert.equal(heldBy(entries, "staging")?.merge, MERGE);
  assert.equal(heldBy(entries, "production"), undefined);
  const release = {
    ...entries[0],
    digest: `sha256:${hex("release")}`,
    record: {
      ...entries[0].record,
      action: "release" as const,
      environment: "production",
      source: "d4".repeat(20),
      release: {
        tag: "churn@v1.1.0",
        tagObject: "e5".repeat(20),
        pushedBy: "carol",
        environmentApprovals: [],
        publishRecord: entries[0].digest,
      },
    },
  };
  assert.equal(heldBy([...entries, release] as typeof entries, "production")?.merge, MERGE);
});

test("publishReferrers: the promotion record as the ledger holds it and the card, the same bytes on every run", () => {
  const plan = planPublish(facts());
  const m = plan.models[0];
  const c = publishChange({ plan, model: m, image, tip: { files: {}, tags: [] }, at: AT });
  if (c.kind !== "commit") throw new Error(c.kind);
  const fresh = publishReferrers(c.record, c.files[m.files.card]);
  // a rerun has only the ledger's line to go on: the record read back gives the same bytes
  const [entry] = parseLedger(c.files[m.files.ledger]).entries;
  const again = publishReferrers(entry.record, c.files[m.files.card]);
  assert.deepEqual(again, fresh);
  assert.equal(fresh.created, AT);
  assert.deepEqual(
    fresh.attachments.map((a) => [a.artifactType, a.title]),
    [
      [ArtifactType.promotionRecord, "promotion-record.json"],
      [ArtifactType.modelCard, "MODEL_CARD.md"],
    ],
  );
  assert.deepEqual(JSON.parse(Buffer.from(fresh.attachments[0].bytes).toString("utf8")), entry.record);
  assert.equal(sha256Of(fresh.attachments[0].bytes), c.digest, "the layer's digest is the record's digest");
});
