import { createHash, generateKeyPairSync, type KeyObject, sign as cryptoSign } from "node:crypto";
import { bundleToJSON, type SerializedBundle } from "@sigstore/bundle";
import { initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from "@sigstore/mock";
import { mock } from "@sigstore/mock/dist/mock.js";
import { DSSEBundleBuilder, RekorWitness, TSAWitness, type Witness } from "@sigstore/sign";

/**
 * A Sigstore instance for tests, built with @sigstore/mock: a Fulcio-style CA (with a certificate-transparency log
 * that embeds SCTs), a Rekor transparency log and an RFC 3161 timestamp authority, reached over HTTP by
 * @sigstore/sign's own RekorWitness and TSAWitness (nock stands in for the network) — the witnesses actions/attest
 * uses: Rekor for Sigstore's public instance (public repositories), a TSA for GitHub's (private ones). The signer is
 * an ephemeral ECDSA P-256 key with a certificate from the CA whose subject alternative name and extensions carry a
 * GitHub Actions workflow identity, mapped from the OIDC token's claims as Fulcio maps them
 * (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md). `trustedRoot` is this instance in the JSON shape
 * of a Sigstore trusted root, one line of what `gh attestation trusted-root` prints.
 */

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

/** The workflow run that signs: what GitHub's OIDC token says of it. */
export interface GitHubRun {
  /** OWNER/REPO the run belongs to (`repository`). */
  repository: string;
  /** The workflow file the run started from, in that repository (`workflow_ref` without the ref). */
  workflow: string;
  /** The ref the run is on (`ref`), e.g. refs/heads/main. */
  ref: string;
  /** A reusable workflow's run: the called workflow, `OWNER/REPO/.github/workflows/F.yml@REF` (`job_workflow_ref`). */
  jobWorkflowRef?: string;
  issuer?: string;
}

const OID = (n: number) => `1.3.6.1.4.1.57264.1.${n}`;

/** The certificate's subject alternative name: the workflow whose job signed (the called one, in a reusable run). */
export function subjectOf(run: GitHubRun): string {
  return `https://github.com/${run.jobWorkflowRef ?? `${run.repository}/${run.workflow}@${run.ref}`}`;
}

/** Fulcio's extensions for a GitHub Actions token: issuer, build signer, source repository and ref, build config. */
export function fulcioExtensions(run: GitHubRun) {
  const sha = createHash("sha1").update(run.repository).digest("hex");
  const callerRef = `${run.repository}/${run.workflow}@${run.ref}`;
  const signerRef = run.jobWorkflowRef ?? callerRef;
  const issuer = run.issuer ?? GITHUB_ISSUER;
  return [
    { oid: OID(1), value: issuer, legacy: true },
    { oid: OID(2), value: "push", legacy: true },
    { oid: OID(3), value: sha, legacy: true },
    { oid: OID(5), value: run.repository, legacy: true },
    { oid: OID(6), value: run.ref, legacy: true },
    { oid: OID(8), value: issuer },
    { oid: OID(9), value: `https://github.com/${signerRef}` },
    { oid: OID(10), value: sha },
    { oid: OID(11), value: "github-hosted" },
    { oid: OID(12), value: `https://github.com/${run.repository}` },
    { oid: OID(13), value: sha },
    { oid: OID(14), value: run.ref },
    { oid: OID(16), value: `https://github.com/${run.repository.split("/")[0]}` },
    { oid: OID(18), value: `https://github.com/${callerRef}` },
    { oid: OID(19), value: sha },
    { oid: OID(20), value: "push" },
    { oid: OID(21), value: `https://github.com/${run.repository}/actions/runs/42/attempts/1` },
  ];
}

const b64 = (b: ArrayBufferView | ArrayBuffer) =>
  (b instanceof ArrayBuffer ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString("base64");
const der = (k: KeyObject) => k.export({ type: "spki", format: "der" });
const pem = (cert: ArrayBufferView) =>
  `-----BEGIN CERTIFICATE-----\n${b64(cert)
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END CERTIFICATE-----\n`;

/**
 * Rekor stores a `dsse` entry not as proposed (the envelope and the verifiers) but as its canonical form: the
 * envelope's and the payload's hashes and each signature with its verifier, which is what verifiers compare a
 * bundle with. The mock logs what it is sent, so the proposal is put in that form first, as Rekor does.
 */
function storingAsRekor(h: ReturnType<typeof rekorHandler>): ReturnType<typeof rekorHandler> {
  return {
    path: h.path,
    fn: async (body) => {
      const e = JSON.parse(body);
      if (e.kind !== "dsse") return h.fn(body);
      const { envelope, verifiers } = e.spec.proposedContent;
      const env = JSON.parse(envelope);
      const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
      const stored = {
        apiVersion: e.apiVersion,
        kind: "dsse",
        spec: {
          envelopeHash: { algorithm: "sha256", value: sha(envelope) },
          payloadHash: { algorithm: "sha256", value: sha(Buffer.from(env.payload, "base64")) },
          signatures: env.signatures.map((s: { sig: string }) => ({ signature: s.sig, verifier: verifiers[0] })),
        },
      };
      return h.fn(JSON.stringify(stored));
    },
  };
}

export interface SignOptions {
  /** Log the signature in the transparency log (default: when the instance has one). */
  log?: boolean;
  /** When the log integrates the entry (default: now). */
  logAt?: Date;
  /** Timestamp the signature with the TSA (default: when the instance has one). */
  timestamp?: boolean;
}

export interface MockSigstore {
  name: string;
  /** The CA's root certificate (DER), the log's public key (SPKI DER). */
  rootCertificate: Buffer;
  /** The instance as a Sigstore trusted root (JSON). */
  trustedRoot: Record<string, unknown>;
  /** Signs `payload` (an in-toto Statement's bytes) as `run` into a Sigstore bundle v0.3 with a DSSE envelope. */
  sign(payload: Buffer, run: GitHubRun, opts?: SignOptions): Promise<SerializedBundle>;
}

/**
 * A mock instance: `log` gives it a Rekor log (Sigstore's public instance), `tsa` a timestamp authority (GitHub's).
 * `name` keeps its URLs apart from another instance's.
 */
export async function mockSigstore(name: string, o: { log: boolean; tsa: boolean }): Promise<MockSigstore> {
  const started = new Date(Date.now() - 60_000);
  const keys = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const caKeys = keys();
  const ctlog = await initializeCTLog(caKeys);
  const ca = await initializeCA(caKeys, ctlog);
  const logKeys = keys();
  const rekorURL = `https://rekor.${name}.test`;
  const tsaURL = `https://tsa.${name}.test`;
  const tsaKeys = keys();
  const tsa = o.tsa ? await initializeTSA(tsaKeys) : undefined;
  // The mock TSA writes its genTime with pkijs, which drops a fraction's trailing zeros (".12Z" for 120 ms), while
  // @sigstore/core reads a GeneralizedTime only with no fraction or exactly three digits ("invalid time"): about one
  // signature in ten failed to verify. Whole seconds are what a verifier can read either way.
  if (tsa) {
    (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () =>
      new Date(Math.floor(Date.now() / 1000) * 1000);
  }
  const validFor = { start: started.toISOString() };
  const trustedRoot = {
    mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
    tlogs: o.log
      ? [
          {
            baseUrl: rekorURL,
            hashAlgorithm: "SHA2_256",
            publicKey: { rawBytes: b64(der(logKeys.publicKey)), keyDetails: "PKIX_ECDSA_P256_SHA_256", validFor },
            logId: { keyId: b64(createHash("sha256").update(der(logKeys.publicKey)).digest()) },
          },
        ]
      : [],
    certificateAuthorities: [
      {
        subject: { organization: "sigstore.mock", commonName: "sigstore" },
        uri: `https://fulcio.${name}.test`,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: `https://ctfe.${name}.test`,
        hashAlgorithm: "SHA2_256",
        publicKey: { rawBytes: b64(ctlog.publicKey), keyDetails: "PKIX_ECDSA_P256_SHA_256", validFor },
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities: tsa
      ? [
          {
            subject: { organization: "sigstore.mock", commonName: "tsa" },
            uri: tsaURL,
            certChain: {
              certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }],
            },
            validFor,
          },
        ]
      : [],
  };
  return {
    name,
    rootCertificate: Buffer.from(b64(ca.rootCertificate), "base64"),
    trustedRoot,
    async sign(payload, run, s = {}) {
      const ephemeral = keys();
      const cert = await ca.issueCertificate({
        publicKey: der(ephemeral.publicKey),
        subjectAltName: subjectOf(run),
        extensions: fulcioExtensions(run),
      });
      const witnesses: Witness[] = [];
      if (s.log ?? o.log) {
        // a log at the requested time, with the instance's key: the same log, as far as a verifier can tell
        const tlog = await initializeTLog(rekorURL, logKeys, s.logAt);
        mock(rekorURL, storingAsRekor(rekorHandler(tlog)));
        witnesses.push(new RekorWitness({ rekorBaseURL: rekorURL, entryType: "dsse", retry: 0 }));
      }
      if (tsa && (s.timestamp ?? true)) {
        mock(tsaURL, tsaHandler(tsa));
        witnesses.push(new TSAWitness({ tsaBaseURL: tsaURL, retry: 0 }));
      }
      const bundle = await new DSSEBundleBuilder({
        signer: {
          sign: async (data) => ({
            signature: cryptoSign("sha256", data, ephemeral.privateKey),
            key: { $case: "x509Certificate", certificate: pem(cert) },
          }),
        },
        witnesses,
      }).create({ data: payload, type: "application/vnd.in-toto+json" });
      return bundleToJSON(bundle);
    },
  };
}
