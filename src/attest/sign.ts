import { createPrivateKey, createPublicKey, type KeyObject, sign as cryptoSign } from "node:crypto";
import { readFileSync } from "node:fs";
import { bundleToJSON, type SerializedBundle } from "@sigstore/bundle";
import { DSSEBundleBuilder, type Signer } from "@sigstore/sign";
import { UserError } from "../errors.ts";
import { BUNDLE_MEDIA_TYPE, keyHint } from "./key.ts";
import { canonicalJson } from "../ledger/canonical.ts";
import { PAYLOAD_TYPE, type Statement } from "./statement.ts";

/**
 * Signing a Statement into a Sigstore bundle (v0.3, `application/vnd.dev.sigstore.bundle.v0.3+json`) holding a DSSE
 * envelope. Offline and in tests the signer is an ECDSA P-256 key (`--signing-key FILE`, PEM): the bundle then names
 * the public key by a hint (its SHA-256 fingerprint), and whoever verifies holds that public key in a trust policy.
 * In GitHub Actions the workflows sign keylessly with `actions/attest` (the workflow's OIDC identity, Fulcio and
 * Rekor), producing the same bundle format with a certificate instead of a hint.
 */

export { BUNDLE_MEDIA_TYPE, keyHint };

export interface KeySigner {
  /** The hint a bundle names the key by: hex SHA-256 of the public key's DER (SPKI). */
  hint: string;
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

/** A signer from an ECDSA P-256 private key in PEM; a key of another kind is refused naming the file. */
export function keySigner(pem: string, file = "the signing key"): KeySigner {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (err) {
    throw new UserError(
      `${file} is not a PEM private key (${(err as Error).message}); generate one with \`openssl ecparam -name prime256v1 -genkey -noout -out key.pem\``,
    );
  }
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
    throw new UserError(
      `${file} is a ${key.asymmetricKeyType} key; modelgate signs with ECDSA P-256 (prime256v1) keys, as Sigstore does`,
    );
  }
  const pub = createPublicKey(key);
  return {
    hint: keyHint(pub),
    publicKeyPem: pub.export({ type: "spki", format: "pem" }).toString(),
    sign: (data) => cryptoSign("sha256", data, key),
  };
}

export function readKeySigner(file: string): KeySigner {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (err) {
    throw new UserError(
      `cannot read the signing key ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); pass --signing-key with a readable PEM file`,
    );
  }
  return keySigner(pem, file);
}

/** The statement's bytes as signed: canonical JSON (RFC 8785), so the same statement always has the same payload. */
export function statementBytes(s: Statement): Buffer {
  return Buffer.from(canonicalJson(s), "utf8");
}

/** Signs `statement` with `signer` into a Sigstore bundle (JSON), with no transparency log (offline). */
export async function signStatement(s: Statement, signer: KeySigner): Promise<SerializedBundle> {
  const sigstoreSigner: Signer = {
    sign: async (data) => ({
      signature: signer.sign(data),
      key: { $case: "publicKey", publicKey: signer.publicKeyPem, hint: signer.hint },
    }),
  };
  const bundle = await new DSSEBundleBuilder({ signer: sigstoreSigner, witnesses: [] }).create({
    data: statementBytes(s),
    type: PAYLOAD_TYPE,
  });
  return bundleToJSON(bundle);
}
