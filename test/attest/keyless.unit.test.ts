import assert from "node:assert/strict";
import { createHash, createPublicKey, verify as cryptoVerify, X509Certificate } from "node:crypto";
import { before, test } from "node:test";
import { statementBytes } from "../../src/attest/sign.ts";
import { PAYLOAD_TYPE, statement, subject } from "../../src/attest/statement.ts";
import { parseTrustedRoot, parseTrustPolicy } from "../../src/attest/trust.ts";
import { verifyBundle } from "../../src/attest/verify.ts";
import { canonicalJson } from "../../src/ledger/canonical.ts";
import { type GitHubRun, type MockSigstore, mockSigstore } from "./keyless-fixture.ts";

// The keyless path, exercised: a Fulcio-style CA, a Rekor log and a timestamp authority (@sigstore/mock) sign as a
// GitHub Actions workflow would; `audit verify --trust` accepts the signature only from a certificate that chains to
// the trusted root, was valid when the log (or the timestamp authority) saw the signature, and carries an identity
// the policy allows.

let publicGood: MockSigstore; // Sigstore's public instance: Fulcio + Rekor (public repositories)
let github: MockSigstore; // GitHub's instance: Fulcio + a timestamp authority, no public log (private repositories)
let stranger: MockSigstore; // a CA nobody trusts
before(async () => {
  publicGood = await mockSigstore("public-good", { log: true, tsa: false });
  github = await mockSigstore("github", { log: false, tsa: true });
  stranger = await mockSigstore("stranger", { log: true, tsa: false });
});

const PUBLISH = ".github/workflows/modelgate-publish.yml";
const run: GitHubRun = { repository: "acme/models", workflow: PUBLISH, ref: "refs/heads/main" };
const SUBJECT = `https://github.com/acme/models/${PUBLISH}@refs/heads/main`;
const st = statement(
  [subject("ghcr.io/acme/models/churn", `sha256:${"ab".repeat(32)}`)],
  "https://modelgate.dev/attestation/promotion/v1",
  { action: "release", environment: "production" },
);

/** A trust policy holding what `gh attestation trusted-root` prints (one root per line) and the identities given. */
function policy(identities: object[], extra: object = {}, roots = [publicGood, github]) {
  const jsonl = roots.map((r) => `${JSON.stringify(r.trustedRoot)}\n`).join("");
  return parseTrustPolicy(
    JSON.stringify({
      apiVersion: "modelgate.dev/v1alpha1",
      kind: "TrustPolicy",
      trustedRoot: "trusted_root.jsonl",
      identities,
      ...extra,
    }),
    "trust.yaml",
    () => jsonl,
  );
}
const reason = (v: ReturnType<typeof verifyBundle>) => (v.ok ? "(verified)" : v.reason);

test("a keyless bundle from the trusted CA, logged in the trusted log, by an allowed workflow verifies", async () => {
  const bundle = await publicGood.sign(statementBytes(st), run);
  assert.equal(bundle.mediaType, "application/vnd.dev.sigstore.bundle.v0.3+json");
  assert.ok(bundle.verificationMaterial.certificate, "a certificate, not a key hint");
  assert.equal(bundle.verificationMaterial.tlogEntries.length, 1);
  const v = verifyBundle(bundle, policy([{ subject: SUBJECT }]));
  assert.ok(v.ok, reason(v));
  assert.deepEqual(v.statement, st);
  assert.equal(v.signer, `certificate of ${SUBJECT} (a run of https://github.com/acme/models on refs/heads/main)`);
  // pinned to the repository and ref too, and the subject as a pattern
  const pinned = policy([
    { subject: `/^https:\\/\\/github\\.com\\/acme\\/models\\//`, repository: "acme/models", ref: "refs/heads/main" },
  ]);
  assert.ok(verifyBundle(bundle, pinned).ok);
});

test("independently: DSSE PAE + ECDSA with the certificate's key, the chain to the root, the log's promise (Node's crypto)", async () => {
  const bundle = await publicGood.sign(statementBytes(st), run);
  const env = bundle.dsseEnvelope as { payload: string; payloadType: string; signatures: { sig: string }[] };
  const leaf = new X509Certificate(Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, "base64"));
  const root = new X509Certificate(publicGood.rootCertificate);
  // the signature over DSSE's pre-authentication encoding, with the certificate's public key
  const payload = Buffer.from(env.payload, "base64");
  const pae = Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(PAYLOAD_TYPE)} ${PAYLOAD_TYPE} ${payload.length} `),
    payload,
  ]);
  assert.ok(cryptoVerify("sha256", pae, leaf.publicKey, Buffer.from(env.signatures[0].sig, "base64")));
  // the certificate chains to the trusted root (the root is the one in the trusted root file)
  const rootInFile = (publicGood.trustedRoot.certificateAuthorities as any[])[0].certChain.certificates[0].rawBytes;
  assert.equal(root.raw.toString("base64"), rootInFile);
  assert.ok(leaf.checkIssued(root), "issued by the root's subject");
  assert.ok(leaf.verify(root.publicKey), "signed by the root's key");
  assert.ok(!leaf.verify(new X509Certificate(stranger.rootCertificate).publicKey));
  assert.match(leaf.subjectAltName ?? "", new RegExp(`URI:${SUBJECT.replace(/[.]/g, "\\.")}`));
  // the log's signed entry timestamp (Rekor's SET: canonical JSON of body, integratedTime, logID, logIndex), with the
  // log's key from the trusted root; the integrated time falls within the certificate's validity
  const e = bundle.verificationMaterial.tlogEntries[0] as any;
  const tlog = (publicGood.trustedRoot.tlogs as any[])[0];
  const set = canonicalJson({
    body: e.canonicalizedBody,
    integratedTime: Number(e.integratedTime),
    logID: Buffer.from(e.logId.keyId, "base64").toString("hex"),
    logIndex: Number(e.logIndex),
  });
  const logKey = createPublicKey({ key: Buffer.from(tlog.publicKey.rawBytes, "base64"), format: "der", type: "spki" });
  assert.ok(
    cryptoVerify("sha256", Buffer.from(set), logKey, Buffer.from(e.inclusionPromise.signedEntryTimestamp, "base64")),
  );
  const at = Number(e.integratedTime) * 1000;
  assert.ok(new Date(leaf.validFrom).getTime() <= at && at <= new Date(leaf.validTo).getTime());
  // the log entry is about this signature: its body holds the signature and the payload's hash
  const body = JSON.parse(Buffer.from(e.canonicalizedBody, "base64").toString("utf8"));
  assert.equal(body.spec.signatures[0].signature, env.signatures[0].sig);
  assert.equal(body.spec.payloadHash.value, createHash("sha256").update(payload).digest("hex"));
});

test("an expired certificate: the log integrated the signature after the certificate's validity ended", async () => {
  const late = await publicGood.sign(statementBytes(st), run, { logAt: new Date(Date.now() + 3_600_000) });
  const v = verifyBundle(late, policy([{ subject: SUBJECT }]));
  assert.equal(v.ok, false);
  assert.match(
    reason(v),
    /^its certificate was valid from \S+Z to \S+Z, but the transparency log integrated the signature at \S+Z: signed outside the certificate's validity \(Failed to verify certificate chain/,
  );
  // with the public instance's root alone, @sigstore/verify's own reason is the expiry
  assert.match(
    reason(verifyBundle(late, policy([{ subject: SUBJECT }], {}, [publicGood]))),
    /certificate is not valid or expired at the specified date/,
  );
});

test("a certificate from a CA the trusted root does not hold is refused", async () => {
  const v = verifyBundle(await stranger.sign(statementBytes(st), run), policy([{ subject: SUBJECT }]));
  assert.match(
    reason(v),
    /^a certificate that does not chain to a certificate authority of trust\.yaml's trusted root/,
  );
});

test("a wrong identity is refused: another repository, another workflow file, another ref", async () => {
  const allowed = policy([{ subject: SUBJECT }]);
  for (const [other, why] of [
    [
      { ...run, repository: "evil/models" },
      /signed by https:\/\/github\.com\/evil\/models\/.* an identity trust\.yaml does not allow \(its subject is/,
    ],
    [
      { ...run, workflow: ".github/workflows/other.yml" },
      /signed by https:\/\/github\.com\/acme\/models\/\.github\/workflows\/other\.yml@refs\/heads\/main/,
    ],
    [{ ...run, ref: "refs/heads/feature" }, /modelgate-publish\.yml@refs\/heads\/feature .* does not allow/],
    [
      { ...run, issuer: "https://token.actions.example.com" },
      /its issuer is https:\/\/token\.actions\.example\.com, not https:\/\/token\.actions\.githubusercontent\.com/,
    ],
  ] as const) {
    const v = verifyBundle(await publicGood.sign(statementBytes(st), other), allowed);
    assert.equal(v.ok, false, JSON.stringify(other));
    assert.match(reason(v), why);
  }
});

test("a reusable workflow: the subject names the called workflow, the repository pins whose run it was", async () => {
  const called = "modelgate-dev/modelgate/.github/workflows/publish.yml@refs/tags/v1";
  const callee = `https://github.com/${called}`;
  const ours: GitHubRun = { ...run, jobWorkflowRef: called };
  const mine = policy([{ subject: callee, repository: "acme/models", ref: "refs/heads/main" }]);
  const v = verifyBundle(await publicGood.sign(statementBytes(st), ours), mine);
  assert.ok(v.ok, reason(v));
  assert.equal(v.signer, `certificate of ${callee} (a run of https://github.com/acme/models on refs/heads/main)`);
  // anyone can call the same reusable workflow: its certificate has the same subject, another source repository
  const theirs = await publicGood.sign(statementBytes(st), { ...ours, repository: "evil/models" });
  assert.match(
    reason(verifyBundle(theirs, mine)),
    /does not allow \(it was signed by a run of https:\/\/github\.com\/evil\/models, not of https:\/\/github\.com\/acme\/models\)/,
  );
  const feature = await publicGood.sign(statementBytes(st), { ...ours, ref: "refs/heads/feature" });
  assert.match(
    reason(verifyBundle(feature, mine)),
    /signed by a run on refs\/heads\/feature, not on refs\/heads\/main/,
  );
  // a policy naming only the subject would accept it: what `repository` is for
  assert.ok(verifyBundle(theirs, policy([{ subject: callee }])).ok);
});

test("a missing log entry when the policy requires one is refused; GitHub's signed timestamp when it does not", async () => {
  const required = policy([{ subject: SUBJECT }]);
  const unlogged = await publicGood.sign(statementBytes(st), run, { log: false });
  assert.equal((unlogged.verificationMaterial.tlogEntries ?? []).length, 0);
  assert.match(
    reason(verifyBundle(unlogged, required)),
    /^a keyless signature with no transparency-log entry, which trust\.yaml requires/,
  );
  const privateRepo = await github.sign(statementBytes(st), run);
  assert.equal((privateRepo.verificationMaterial.tlogEntries ?? []).length, 0);
  assert.equal(privateRepo.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length, 1);
  assert.match(reason(verifyBundle(privateRepo, required)), /no transparency-log entry/);
  const optional = policy([{ subject: SUBJECT }], { transparencyLog: "optional" });
  const v = verifyBundle(privateRepo, optional);
  assert.ok(v.ok, reason(v));
  // optional still needs a signed time to judge the certificate's validity by
  assert.match(
    reason(verifyBundle(unlogged, optional)),
    /the signature does not verify \(expected 1 timestamps, got 0\)/,
  );
  assert.ok(verifyBundle(await publicGood.sign(statementBytes(st), run), optional).ok);
});

test("the trusted root file: one JSON root, or the JSON lines `gh attestation trusted-root` prints", () => {
  const one = parseTrustedRoot(JSON.stringify(publicGood.trustedRoot));
  assert.equal((one.certificateAuthorities as unknown[]).length, 1);
  const both = parseTrustedRoot(`${JSON.stringify(publicGood.trustedRoot)}\n${JSON.stringify(github.trustedRoot)}\n`);
  assert.equal((both.certificateAuthorities as unknown[]).length, 2);
  assert.equal((both.tlogs as unknown[]).length, 1);
  assert.equal((both.timestampAuthorities as unknown[]).length, 1);
  assert.throws(() => parseTrustedRoot('{"a":1}\n{"b":2}\n'), /line 1 is not a Sigstore trusted root/);
  assert.throws(
    () =>
      parseTrustPolicy(
        "apiVersion: modelgate.dev/v1alpha1\nkind: TrustPolicy\ntrustedRoot: root.json\nidentities: [{subject: x}]\n",
        "trust.yaml",
        () => "{ not json",
      ),
    /trust\.yaml: trustedRoot root\.json cannot be read as a Sigstore trusted root .*gh attestation trusted-root > root\.json/,
  );
});
