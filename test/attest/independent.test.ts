import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { keySigner, signStatement } from "../../src/attest/sign.ts";
import { statement, subject } from "../../src/attest/statement.ts";

// An implementation that shares no code with modelgate or Sigstore's JS libraries checks the signature: Python's
// `cryptography` (on this machine, see ENGINEERING.md), with the DSSE pre-authentication encoding written in Python.
const CHECK = `
import base64, json, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
bundle = json.load(open(sys.argv[1]))
key = serialization.load_pem_public_key(open(sys.argv[2], "rb").read())
env = bundle["dsseEnvelope"]
payload = base64.b64decode(env["payload"])
t = env["payloadType"].encode()
pae = b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)
key.verify(base64.b64decode(env["signatures"][0]["sig"]), pae, ec.ECDSA(hashes.SHA256()))
print(json.loads(payload)["subject"][0]["digest"]["sha256"])
`;

test("Python's cryptography verifies the DSSE signature of a bundle modelgate signed", async () => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const dir = mkdtempSync(join(tmpdir(), "mg-attest-"));
  const digest = "ef".repeat(32);
  const bundle = await signStatement(
    statement([subject("img", `sha256:${digest}`)], "x", {}),
    keySigner(privateKey.export({ type: "pkcs8", format: "pem" }).toString()),
  );
  writeFileSync(join(dir, "bundle.json"), JSON.stringify(bundle));
  writeFileSync(join(dir, "key.pem"), publicKey.export({ type: "spki", format: "pem" }));
  writeFileSync(join(dir, "check.py"), CHECK);
  const r = spawnSync("python3", [join(dir, "check.py"), join(dir, "bundle.json"), join(dir, "key.pem")], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), digest);
});
