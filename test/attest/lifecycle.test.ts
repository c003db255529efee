import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createPublicKey, generateKeyPairSync, verify as cryptoVerify } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { checkRecordAttestation } from "../../src/attest/verify.ts";
import { runAudit } from "../../src/audit/run.ts";
import { PROMOTION_PREDICATE, PAYLOAD_TYPE, SLSA_PROVENANCE } from "../../src/attest/statement.ts";
import { parseTrustPolicy } from "../../src/attest/trust.ts";
import { chainProblems, parseLedger } from "../../src/ledger/ledger.ts";
import { fallbackTag } from "../../src/oci/referrers.ts";
import { publish } from "../../src/publish/run.ts";
import { runRelease } from "../../src/release/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { evaluate, type Merged, mergedRepo, sha256 } from "../publish/fixture.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { startRegistry, type TestRegistry } from "../support/registry.ts";

// A publish → publish → release → rollback, each signed with an ECDSA P-256 key: every record of the ledger is
// attested by bundles beside it that the trust policy accepts, and the bundles are on the images as OCI referrers,
// where the real registry serves them and an independent check (Node's crypto over DSSE's PAE) verifies them.

let reg: TestRegistry;
before(async () => {
  reg = await startRegistry();
});
after(async () => {
  await reg?.stop();
});

const key = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const publicPem = key.publicKey.export({ type: "spki", format: "pem" }).toString();
const trust = parseTrustPolicy(
  JSON.stringify({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrustPolicy",
    publicKeys: [{ name: "release-key", pem: publicPem }],
  }),
  "trust.yaml",
  () => "",
);

/** A second pull request on top of what the remote holds: churn `version`, merged by bob; returns its facts file. */
async function secondMerge(m: Merged, version: string, scratch: string): Promise<string> {
  m.git("pull", "-q", "--no-rebase", "origin", "main");
  m.git("checkout", "-q", "-b", `churn-${version}`);
  const onnx = logisticRegressionModel({ weights: [-1 / 11, 1 / 80], bias: 1.3 });
  writeFileSync(join(m.root, "models/churn/model.onnx"), onnx);
  const file = join(m.root, "models/churn/model.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace(/version: \d+\.\d+\.\d+/, `version: ${version}`)
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(onnx)}`),
  );
  await evaluate(m.root);
  m.git("add", "-A");
  m.git("commit", "-q", "-m", `churn ${version}`);
  const head = m.git("rev-parse", "HEAD");
  m.git("checkout", "-q", "main");
  m.git("merge", "-q", "--no-ff", `churn-${version}`, "-m", `Merge pull request #8 from churn-${version}`);
  m.git("push", "-q", "origin", "main");
  const facts = join(scratch, `facts-${version}.json`);
  writeFileSync(
    facts,
    JSON.stringify({
      pr: { number: 8, author: "alice", headSha: head },
      mergedBy: "bob",
      reviews: [
        {
          id: 102,
          login: "bob",
          userType: "User",
          state: "APPROVED",
          commitId: head,
          submittedAt: "2026-11-29T10:00:00Z",
        },
      ],
      permissions: { alice: "write", bob: "write" },
      teams: {},
    }),
  );
  return facts;
}

/** A blob straight from the registry's HTTP API (not modelgate's client). */
async function blob(repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`http://${reg.host}/v2/${repo}/blobs/${digest}`);
  assert.equal(res.status, 200);
  return Buffer.from(await res.arrayBuffer());
}

const skopeoRaw = (ref: string) =>
  JSON.parse(
    execFileSync("skopeo", ["inspect", "--tls-verify=false", "--raw", `docker://${ref}`], { encoding: "utf8" }),
  );

test("publish, publish, release and rollback signed with a key: every record verifies, the bundles are on the images", async () => {
  const m = await mergedRepo();
  const scratch = mkdtempSync(join(tmpdir(), "mg-attest-"));
  const keyFile = join(scratch, "signing-key.pem");
  writeFileSync(keyFile, key.privateKey.export({ type: "pkcs8", format: "pem" }));
  const registry = `${reg.host}/acme`;
  const doPublish = async (facts: string) => {
    const r = await publish({
      cwd: m.root,
      env: m.env,
      io: bufferIo(m.root, m.env),
      facts,
      registry,
      signingKey: keyFile,
      backoffMs: 5,
    });
    assert.deepEqual(r.refusals, []);
    const [p] = r.models;
    assert.equal(p.attestations?.by, "key");
    assert.deepEqual(
      p.attestations?.statements.map((s) => s.predicateType),
      [SLSA_PROVENANCE, PROMOTION_PREDICATE],
    );
    execFileSync("sh", ["-c", p.versionTagCommand!], {
      cwd: m.root,
      env: { ...m.env, GIT_COMMITTER_NAME: "Dana", GIT_COMMITTER_EMAIL: "dana@example.com" },
      stdio: "ignore",
    });
    return p;
  };
  const v11 = await doPublish(m.facts());
  const v12 = await doPublish(await secondMerge(m, "1.2.0", scratch));

  const releaseFacts = join(scratch, "release-facts.json");
  writeFileSync(releaseFacts, JSON.stringify({ actor: "dana", permissions: { dana: "write" } }));
  const release = (tag: string) =>
    runRelease(openWorkspace(bufferIo(m.root, m.env)), { tag, facts: releaseFacts, signingKey: keyFile });
  const r12 = await release("churn@v1.2.0");
  assert.equal(r12.outcome, "released");
  const r11 = await release("churn@v1.1.0");
  assert.equal(r11.outcome, "rolled-back");
  assert.equal(r11.attestations?.by, "key");

  // every record of the ledger, as the remote holds it, is attested by bundles the trust policy accepts
  const { entries, problems } = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl"));
  assert.deepEqual(problems, []);
  assert.deepEqual(chainProblems(entries), []);
  assert.deepEqual(
    entries.map((e) => e.record.action),
    ["publish", "publish", "release", "rollback"],
  );
  const read = (path: string) => {
    try {
      return m.remoteGit("show", `main:${path}`);
    } catch {
      return undefined;
    }
  };
  const signedBy = entries.flatMap((e) => {
    const c = checkRecordAttestation("records/churn/promotions.jsonl", e, read, trust);
    assert.deepEqual(c.problems, [], `record #${e.record.sequence}`);
    return c.attested.map((a) => a.signer);
  });
  assert.deepEqual(signedBy, Array(6).fill('key "release-key"'));

  // the rollback's Statement: subject the image of 1.1.0, the environment, the stage counter, the record
  const rollback = entries[3];
  const [path] = rollback.record.attestation!.statements.map(
    (s) => `records/churn/attestations/${s.digest.slice(7)}.sigstore.json`,
  );
  const payload = JSON.parse(Buffer.from(JSON.parse(read(path)!).dsseEnvelope.payload, "base64").toString("utf8"));
  assert.deepEqual(payload.subject, [{ name: `${registry}/churn`, digest: { sha256: v11.image.digest.slice(7) } }]);
  assert.equal(payload.predicate.environment, "production");
  assert.equal(payload.predicate.release.stage, 2);
  assert.equal(payload.predicate.release.supersedes.version, "1.2.0");

  // audit verify --trust: the whole history verifies, signatures included; the evidence folder holds the bundles
  m.git("fetch", "-q", "origin");
  const audit = await runAudit({
    cwd: m.root,
    ref: "origin/main",
    verify: true,
    trust,
    registry: { env: m.env, layout: join(m.root, ".modelgate/images") },
  });
  assert.equal(audit.report.verification?.checked.images, 2, "both images, and their bundle referrers, read");
  assert.deepEqual(
    audit.report.verification?.findings.map((f) => `${f.check}: ${f.message}`),
    [],
  );
  const evidence = join(scratch, "evidence");
  const withEvidence = await runAudit({ cwd: m.root, ref: "origin/main", evidenceDir: evidence, trust });
  assert.equal(withEvidence.report.verification?.ok, true);
  const bundleFiles = withEvidence.evidence!.files.filter((f) => f.path.endsWith(".sigstore.json"));
  assert.equal(bundleFiles.length, 6);
  const requirements = readFileSync(join(evidence, "requirements.md"), "utf8");
  assert.match(requirements, /## Which signature proves what/);
  assert.match(
    requirements,
    /\*\*EU AI Act Art\. 12 \(record-keeping\)\*\*: Each promotion record's modelgate promotion Statement/,
  );
  assert.match(requirements, /\*\*SOC 2 CC8\.1 \(change management\)\*\*: Each publish's SLSA provenance Statement/);

  // a release forged offline by someone with push access but without the key: the history stays consistent
  // (chain, trailers, tags: release itself wrote it), and only the signature check finds it
  const forged = await runRelease(openWorkspace(bufferIo(m.root, m.env)), { tag: "churn@v1.2.0", facts: releaseFacts });
  assert.equal(forged.outcome, "released");
  assert.equal(forged.attestations, undefined);
  m.git("fetch", "-q", "origin");
  const after = await runAudit({ cwd: m.root, ref: "origin/main", verify: true, trust });
  assert.deepEqual(
    after.report.verification?.findings.map((f) => [f.check, f.record?.sequence]),
    [["attestation-missing", 5]],
  );
  assert.match(
    after.report.verification!.findings[0].message,
    /record #5 \(release 1\.2\.0 to production\) is not attested/,
  );
  const unsigned = await runAudit({ cwd: m.root, ref: "origin/main", verify: true });
  assert.equal(unsigned.report.verification?.ok, true, "without --trust, the forgery passes: what signatures add");

  // --unassign and --deregister records are attested like releases: subject the image, predicate the operation
  const registryOp = (mode: "unassign" | "deregister", env?: string) =>
    runRelease(openWorkspace(bufferIo(m.root, m.env)), {
      tag: "churn@v1.1.0",
      mode,
      ...(env ? { environment: env } : {}),
      facts: releaseFacts,
      signingKey: keyFile,
    });
  const unassigned = await registryOp("unassign", "production");
  assert.equal(unassigned.outcome, "unassigned");
  assert.equal(unassigned.attestations?.by, "key");
  const deregistered = await registryOp("deregister");
  assert.equal(deregistered.outcome, "deregistered");
  assert.deepEqual(
    deregistered.attestations?.statements.map((s) => s.predicateType),
    [PROMOTION_PREDICATE],
  );
  m.git("fetch", "-q", "origin");
  const ops = parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl")).entries.slice(5);
  assert.deepEqual(
    ops.map((e) => [e.record.action, e.record.attestation?.signer]),
    [
      ["unassign", "key"],
      ["deregister", "key"],
    ],
  );
  const opPayload = (e: (typeof ops)[number]) =>
    JSON.parse(
      Buffer.from(
        JSON.parse(
          read(`records/churn/attestations/${e.record.attestation!.statements[0].digest.slice(7)}.sigstore.json`)!,
        ).dsseEnvelope.payload,
        "base64",
      ).toString("utf8"),
    );
  const dereg = opPayload(ops[1]);
  assert.deepEqual(dereg.subject, [{ name: `${registry}/churn`, digest: { sha256: v11.image.digest.slice(7) } }]);
  assert.equal(dereg.predicate.action, "deregister");
  assert.deepEqual(dereg.predicate.registry, {
    tag: "churn@v1.1.0!",
    publishRecord: entries[0].digest,
    pushedBy: "dana",
  });
  assert.equal(opPayload(ops[0]).predicate.environment, "production");
  // under --trust they are not findings: only the forged release still is
  const withOps = await runAudit({ cwd: m.root, ref: "origin/main", verify: true, trust });
  assert.deepEqual(
    withOps.report.verification?.findings.map((f) => [f.check, f.record?.sequence]),
    [["attestation-missing", 5]],
  );

  // the registry serves the bundles as referrers of each image (docker-registry has no referrers API: the
  // sha256-<hex> tag lists them); skopeo reads the index and the manifests, the registry's blob API the bundle
  for (const [p, count] of [
    [v11, 5],
    [v12, 3],
  ] as const) {
    const index = skopeoRaw(`${registry}/churn:${fallbackTag(p.image.digest)}`);
    const bundles = index.manifests.filter(
      (d: any) => d.artifactType === "application/vnd.dev.sigstore.bundle.v0.3+json",
    );
    assert.equal(
      bundles.length,
      count,
      `${p.version}: two publish bundles, its release or rollback bundle (and 1.1.0's unassign and deregister)`,
    );
    for (const d of bundles) {
      const manifest = skopeoRaw(`${registry}/churn@${d.digest}`);
      assert.equal(manifest.subject.digest, p.image.digest);
      assert.equal(manifest.annotations["dev.sigstore.bundle.content"], "dsse-envelope");
      const bundle = JSON.parse((await blob("acme/churn", manifest.layers[0].digest)).toString("utf8"));
      const env = bundle.dsseEnvelope;
      const body = Buffer.from(env.payload, "base64");
      const pae = Buffer.concat([
        Buffer.from(`DSSEv1 ${Buffer.byteLength(PAYLOAD_TYPE)} ${PAYLOAD_TYPE} ${body.length} `),
        body,
      ]);
      assert.ok(
        cryptoVerify("sha256", pae, createPublicKey(publicPem), Buffer.from(env.signatures[0].sig, "base64")),
        "Node's crypto verifies the DSSE signature of the bundle the registry serves",
      );
      const st = JSON.parse(body.toString("utf8"));
      assert.equal(st.predicateType, manifest.annotations["dev.sigstore.bundle.predicateType"]);
      assert.ok(st.subject.some((s: any) => `sha256:${s.digest.sha256}` === p.image.digest));
    }
  }
});
