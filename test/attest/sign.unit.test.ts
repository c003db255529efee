import assert from "node:assert/strict";
import { createPublicKey, generateKeyPairSync, verify as cryptoVerify } from "node:crypto";
import { test } from "node:test";
import { BUNDLE_MEDIA_TYPE, keySigner, signStatement } from "../../src/attest/sign.ts";
import { PAYLOAD_TYPE, statement, subject } from "../../src/attest/statement.ts";
import { parseTrustPolicy } from "../../src/attest/trust.ts";
import { verifyBundle } from "../../src/attest/verify.ts";

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    priv: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    pub: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
const trusting = (name: string, pem: string) =>
  parseTrustPolicy(
    JSON.stringify({ apiVersion: "modelgate.dev/v1alpha1", kind: "TrustPolicy", publicKeys: [{ name, pem }] }),
    "trust.yaml",
    () => "",
  );

const image = "sha256:" + "ab".repeat(32);
const st = statement(
  [subject("registry.example/fraud-detector", image)],
  "https://modelgate.dev/attestation/promotion/v1",
  {
    action: "publish",
  },
);

test("a signed statement is a Sigstore bundle v0.3 with a DSSE envelope that a trusted key verifies", async () => {
  const k = newKey();
  const bundle = await signStatement(st, keySigner(k.priv));
  assert.equal(bundle.mediaType, BUNDLE_MEDIA_TYPE);
  const r = verifyBundle(bundle, trusting("release-key", k.pub));
  assert.ok(r.ok, r.ok ? "" : r.reason);
  assert.deepEqual(r.statement, st);
  assert.equal(r.signer, 'key "release-key"');
});

test("the signature checks out independently: ECDSA P-256 over DSSE's pre-authentication encoding (Node crypto)", async () => {
  const k = newKey();
  const bundle = await signStatement(st, keySigner(k.priv));
  const env = bundle.dsseEnvelope as { payload: string; payloadType: string; signatures: { sig: string }[] };
  assert.equal(env.payloadType, PAYLOAD_TYPE);
  const payload = Buffer.from(env.payload, "base64");
  // PAE written out from the DSSE protocol: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
  const expected = Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(PAYLOAD_TYPE)} ${PAYLOAD_TYPE} ${payload.length} `),
    payload,
  ]);
  const ok = cryptoVerify("sha256", expected, createPublicKey(k.pub), Buffer.from(env.signatures[0].sig, "base64"));
  assert.ok(ok, "Node's crypto does not verify the DSSE signature");
  assert.deepEqual(JSON.parse(payload.toString("utf8")), st);
});

test("a bundle signed with another key, or with its payload changed, is refused with the reason", async () => {
  const mine = newKey();
  const theirs = newKey();
  const bundle = await signStatement(st, keySigner(theirs.priv));
  const r = verifyBundle(bundle, trusting("release-key", mine.pub));
  assert.equal(r.ok, false);
  assert.match(r.ok ? "" : r.reason, /signed with a key the trust policy does not hold/);

  const good = await signStatement(st, keySigner(mine.priv));
  const env = good.dsseEnvelope as { payload: string };
  const forged = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8"));
  forged.subject[0].digest.sha256 = "cd".repeat(32);
  const tampered = {
    ...good,
    dsseEnvelope: { ...good.dsseEnvelope, payload: Buffer.from(JSON.stringify(forged)).toString("base64") },
  };
  const t = verifyBundle(tampered, trusting("release-key", mine.pub));
  assert.equal(t.ok, false);
  assert.match(t.ok ? "" : t.reason, /the signature does not verify/);
});

test("a keyless bundle needs a trusted root; a policy that trusts nobody or anybody is refused", () => {
  assert.throws(
    () => parseTrustPolicy("apiVersion: modelgate.dev/v1alpha1\nkind: TrustPolicy\n", "trust.yaml", () => ""),
    /trust.yaml trusts nobody/,
  );
  assert.throws(
    () =>
      parseTrustPolicy(
        "apiVersion: modelgate.dev/v1alpha1\nkind: TrustPolicy\ntrustedRoot: root.json\n",
        "trust.yaml",
        () => "{}",
      ),
    /without identities would accept any signer/,
  );
  assert.throws(() => keySigner("not a key", "key.pem"), /key.pem is not a PEM private key/);
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
  assert.throws(() => keySigner(rsa.toString(), "rsa.pem"), /rsa.pem is a rsa key; modelgate signs with ECDSA P-256/);
});
