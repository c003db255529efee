import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { test } from "node:test";
import { checkRecordAttestation } from "../../src/attest/verify.ts";
import { attestRecord, type BuildFacts, OFFLINE_BUILDER, statementDigest } from "../../src/attest/promotion.ts";
import { attestMode, attestSetup, builderFromEnv } from "../../src/attest/setup.ts";
import { keySigner, signStatement } from "../../src/attest/sign.ts";
import { type statement, subject } from "../../src/attest/statement.ts";
import { parseTrustPolicy } from "../../src/attest/trust.ts";
import { appendToLedger, attestationPathBeside, type NewRecord, parseLedger } from "../../src/ledger/ledger.ts";
import { promotionRecordSchema } from "../../src/records/promotion.ts";

// The verdicts of `audit verify --trust` on one record, from values: a record attested by the trusted key verifies;
// one appended with push access but unsigned, or signed with another key, or whose signed subject is another image,
// is a finding that says so.

const LEDGER = "records/churn/promotions.jsonl";
const hex = (c: string) => c.repeat(64);
const IMAGE = `sha256:${hex("a")}`;

const publishRecord: NewRecord = {
  apiVersion: "modelgate.dev/v1alpha1",
  kind: "PromotionRecord",
  action: "publish",
  at: "2026-11-28T10:00:00Z",
  model: { name: "churn", version: "1.1.0", sha256: hex("b"), path: "models/churn/model.onnx" },
  data: [{ name: "churn-eval", sha256: hex("c") }],
  evaluation: {
    record: `sha256:${hex("d")}`,
    path: `records/churn/evaluations/${hex("d")}.json`,
    verdict: "pass",
    gates: [{ gate: "roc_auc >= 0.6", status: "pass" }],
    metrics: { roc_auc: 0.81 },
  },
  pullRequest: { number: 7, author: "alice", head: hex("e").slice(0, 40) },
  approvals: [{ reviewer: "bob", reviewId: 101, commit: hex("e").slice(0, 40), submittedAt: "2026-11-28T09:00:00Z" }],
  image: { reference: `ghcr.io/acme/churn@${IMAGE}`, digest: IMAGE },
  environment: "staging",
  stageTag: "churn#staging#1",
  source: hex("f").slice(0, 40),
  triggeredBy: "bob",
};

const newKey = () => {
  const k = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    signer: keySigner(k.privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
    pem: k.publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
};
const releaseKey = newKey();
const trust = parseTrustPolicy(
  JSON.stringify({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrustPolicy",
    publicKeys: [{ name: "release-key", pem: releaseKey.pem }],
  }),
  "trust.yaml",
  () => "",
);
const build: BuildFacts = {
  signer: "key",
  builder: { id: OFFLINE_BUILDER },
  datasets: [{ name: "churn-eval", path: "data/churn-eval.csv" }],
};

/** The record appended (attested or not), and its bundles signed by `signer` (or by the Statements `forge` makes). */
async function ledgerWith(
  opts: {
    attest?: boolean;
    signer?: ReturnType<typeof keySigner>;
    forge?: (s: ReturnType<typeof statement>) => void;
  } = {},
) {
  let statements: ReturnType<typeof statement>[] = [];
  const appended = appendToLedger(
    "",
    publishRecord,
    opts.attest === false
      ? undefined
      : (chained) => {
          const a = attestRecord(chained, build);
          statements = a.statements;
          return { ...chained, attestation: a.block };
        },
  );
  const files = new Map<string, string>();
  for (const s of statements) {
    const path = attestationPathBeside(LEDGER, statementDigest(s).slice(7));
    const signed = structuredClone(s);
    opts.forge?.(signed);
    files.set(path, JSON.stringify(await signStatement(signed, opts.signer ?? releaseKey.signer)));
  }
  const [entry] = parseLedger(appended.text).entries;
  return { entry, read: (p: string) => files.get(p) };
}

test("a record attested with the trusted key verifies: both Statements, by the key the policy names", async () => {
  const { entry, read } = await ledgerWith();
  assert.ok(promotionRecordSchema.parse(entry.record).attestation);
  const c = checkRecordAttestation(LEDGER, entry, read, trust);
  assert.deepEqual(c.problems, []);
  assert.deepEqual(
    c.attested.map((a) => [a.predicateType, a.signer]),
    [
      ["https://slsa.dev/provenance/v1", 'key "release-key"'],
      ["https://modelgate.dev/attestation/promotion/v1", 'key "release-key"'],
    ],
  );
});

test("a record appended with push access but unsigned is a finding", async () => {
  const { entry, read } = await ledgerWith({ attest: false });
  const c = checkRecordAttestation(LEDGER, entry, read, trust);
  assert.deepEqual(
    c.problems.map((p) => p.kind),
    ["unsigned"],
  );
  assert.match(c.problems[0].message, /record #1 \(publish 1\.1\.0 to staging\) is not attested/);
});

test("a record signed with another key is a finding: the key is not in the trust policy", async () => {
  const { entry, read } = await ledgerWith({ signer: newKey().signer });
  const c = checkRecordAttestation(LEDGER, entry, read, trust);
  assert.deepEqual(
    c.problems.map((p) => p.kind),
    ["untrusted", "untrusted"],
  );
  assert.match(c.problems[0].message, /signed with a key the trust policy does not hold/);
});

test("a payload whose subject digest differs from the image is a finding, even when the trusted key signed it", async () => {
  const { entry, read } = await ledgerWith({
    forge: (s) => {
      s.subject = s.subject.map((x) => (x.digest.sha256 === hex("a") ? subject(x.name, `sha256:${hex("9")}`) : x));
    },
  });
  const c = checkRecordAttestation(LEDGER, entry, read, trust);
  assert.deepEqual(
    c.problems.map((p) => p.kind),
    ["mismatch", "mismatch"],
  );
  assert.match(c.problems[0].message, new RegExp(`it signs the subjects .*ghcr.io/acme/churn@sha256:${hex("9")}`));
  assert.match(c.problems[0].message, new RegExp(`the record names .*ghcr.io/acme/churn@${IMAGE}`));
});

test("a predicate edited after signing, or a bundle that is missing, is a finding naming the field or the path", async () => {
  const edited = await ledgerWith({
    forge: (s) => {
      if (s.predicateType.includes("promotion")) (s.predicate as any).environment = "production";
    },
  });
  const c = checkRecordAttestation(LEDGER, edited.entry, edited.read, trust);
  assert.deepEqual(
    c.problems.map((p) => p.kind),
    ["mismatch"],
  );
  assert.match(c.problems[0].message, /its predicate differs from the record in environment/);
  const none = checkRecordAttestation(LEDGER, edited.entry, () => undefined, trust);
  assert.deepEqual(
    none.problems.map((p) => p.kind),
    ["missing", "missing"],
  );
  assert.match(none.problems[0].message, /records\/churn\/attestations\/[0-9a-f]{64}\.sigstore\.json is not there/);
});

test("spec.attest: required by default where the job has an OIDC token; required without a way to sign refuses", () => {
  assert.equal(attestMode(undefined, {}), "optional");
  assert.equal(attestMode(undefined, { ACTIONS_ID_TOKEN_REQUEST_URL: "https://token" }), "required");
  assert.equal(attestMode("off", { ACTIONS_ID_TOKEN_REQUEST_URL: "https://token" }), "off");
  const warn = () => {};
  assert.throws(
    () => attestSetup({ configured: "required", env: {}, warn }),
    /spec\.attest is required: pass --signing-key FILE .* nothing was built or written/,
  );
  assert.equal(attestSetup({ configured: "optional", env: {}, warn }).by, "none");
  const inActions = attestSetup({
    configured: undefined,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: "https://token",
      RUNNER_TEMP: "/tmp/runner",
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: "acme/models",
      GITHUB_WORKFLOW_REF: "acme/models/.github/workflows/modelgate-publish.yml@refs/heads/main",
      GITHUB_RUN_ID: "42",
    },
    warn,
  });
  assert.equal(inActions.by, "workflow");
  assert.equal(inActions.statementsDir, "/tmp/runner/modelgate-attest");
  assert.deepEqual(inActions.builder, {
    id: "https://github.com/acme/models/.github/workflows/modelgate-publish.yml@refs/heads/main",
    runUrl: "https://github.com/acme/models/actions/runs/42/attempts/1",
    repository: "https://github.com/acme/models",
  });
  assert.deepEqual(builderFromEnv({}), { id: OFFLINE_BUILDER });
  const warnings: string[] = [];
  const off = attestSetup({
    configured: "off",
    env: { MODELGATE_SIGNING_KEY: "key.pem" },
    warn: (l) => warnings.push(l),
  });
  assert.equal(off.by, "none");
  assert.match(warnings[0], /spec\.attest is off: the signing key is not used/);
});
