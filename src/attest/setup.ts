import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SerializedBundle } from "@sigstore/bundle";
import { UserError } from "../errors.ts";
import { attestationPathBeside } from "../ledger/ledger.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { type BuildFacts, imageName, OFFLINE_BUILDER, statementDigest } from "./promotion.ts";
import { BUNDLE_MEDIA_TYPE, type KeySigner, keySigner, readKeySigner, signStatement } from "./sign.ts";
import type { Statement } from "./statement.ts";

/**
 * How publish and release attest what they write (modelgate.yaml `spec.attest`): with a key (`--signing-key FILE` or
 * `MODELGATE_SIGNING_KEY`), the bundles go into the same commit as the record; in GitHub Actions with an OIDC token
 * (`id-token: write`) and no key, the workflow signs keylessly with `actions/attest` after the commit, from the
 * Statements written here, and `modelgate attest store` files the bundles; otherwise nothing is signed.
 */

export const ATTEST_MODES = ["required", "optional", "off"] as const;
export type AttestMode = (typeof ATTEST_MODES)[number];

export interface AttestSetup {
  mode: AttestMode;
  /** key: sign here; workflow: actions/attest signs after the commit; none: not attested. */
  by: "key" | "workflow" | "none";
  signer?: KeySigner;
  builder: BuildFacts["builder"];
  /** Where the Statements for actions/attest are written (by: workflow). */
  statementsDir?: string;
}

/** True when this job can mint an OIDC token (GitHub Actions with `id-token: write`). */
export const hasIdToken = (env: NodeJS.ProcessEnv) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL);

/** spec.attest, or its default: required in Actions when the job has an OIDC token, else optional. */
export function attestMode(configured: AttestMode | undefined, env: NodeJS.ProcessEnv): AttestMode {
  return configured ?? (hasIdToken(env) ? "required" : "optional");
}

/** `OWNER/REPO/PATH@REF`: a workflow file at a ref, as GITHUB_WORKFLOW_REF and job_workflow_ref name one. */
const WORKFLOW_REF = /^[^/\s]+\/[^/\s]+\/\S+@\S+$/;

/**
 * The builder: the workflow file at its ref and the run, in Actions; modelgate offline elsewhere. The workflow is
 * the one whose job runs modelgate: in a reusable-workflow run that is the called workflow, which
 * `MODELGATE_JOB_WORKFLOW_REF` names (the job's OIDC token's `job_workflow_ref`, as the signing certificate's subject
 * does) — GITHUB_WORKFLOW_REF names the caller there.
 */
export function builderFromEnv(env: NodeJS.ProcessEnv): BuildFacts["builder"] {
  const job = env.MODELGATE_JOB_WORKFLOW_REF?.trim();
  if (job && !WORKFLOW_REF.test(job)) {
    throw new UserError(
      `MODELGATE_JOB_WORKFLOW_REF (the job-workflow-ref input) is "${job}", not OWNER/REPO/PATH@REF; give the called workflow as the OIDC token's job_workflow_ref names it, or "oidc" to read it from the token`,
    );
  }
  const workflow = job || env.GITHUB_WORKFLOW_REF;
  if (env.GITHUB_ACTIONS === "true" && workflow && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    return {
      id: `${server}/${workflow}`,
      ...(env.GITHUB_RUN_ID
        ? {
            runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
          }
        : {}),
      repository: `${server}/${env.GITHUB_REPOSITORY}`,
    };
  }
  return { id: OFFLINE_BUILDER };
}

/** The `job_workflow_ref` claim of a GitHub Actions OIDC token (a JWT; read, not verified: the runner handed it). */
export function jobWorkflowRefOf(token: string): string {
  const part = token.split(".")[1] ?? "";
  let claims: { job_workflow_ref?: unknown };
  try {
    claims = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    throw new UserError("the job's OIDC token is not a JWT: cannot read its job_workflow_ref");
  }
  const ref = claims.job_workflow_ref;
  if (typeof ref !== "string" || !WORKFLOW_REF.test(ref))
    throw new UserError("the job's OIDC token has no job_workflow_ref claim (OWNER/REPO/PATH@REF)");
  return ref;
}

/**
 * The signing key from `--signing-key FILE`, else `MODELGATE_SIGNING_KEY` (a PEM, as a secret holds it, or a file).
 * Undefined when neither is given.
 */
export function signingKey(file: string | undefined, env: NodeJS.ProcessEnv): KeySigner | undefined {
  if (file) return readKeySigner(file);
  const v = env.MODELGATE_SIGNING_KEY?.trim();
  if (!v) return undefined;
  return v.startsWith("-----BEGIN") ? keySigner(v, "MODELGATE_SIGNING_KEY") : readKeySigner(v);
}

/**
 * Decides how to attest, before anything is built or written: refuses (exit 2) when attestations are required and
 * nothing can sign them. `warn` hears of a key that `off` ignores.
 */
export function attestSetup(o: {
  configured: AttestMode | undefined;
  env: NodeJS.ProcessEnv;
  keyFile?: string;
  /** Where Statements for actions/attest go; default $RUNNER_TEMP/modelgate-attest. */
  statementsDir?: string;
  warn: (line: string) => void;
  configFile?: string;
}): AttestSetup {
  const mode = attestMode(o.configured, o.env);
  const builder = builderFromEnv(o.env);
  const keyGiven = Boolean(o.keyFile || o.env.MODELGATE_SIGNING_KEY?.trim());
  if (mode === "off") {
    if (keyGiven) o.warn("modelgate.yaml spec.attest is off: the signing key is not used, nothing is attested");
    return { mode, by: "none", builder };
  }
  const signer = signingKey(o.keyFile, o.env);
  if (signer) return { mode, by: "key", signer, builder };
  if (hasIdToken(o.env)) {
    const dir = o.statementsDir ?? join(o.env.RUNNER_TEMP ?? ".modelgate", "modelgate-attest");
    return { mode, by: "workflow", builder, statementsDir: dir };
  }
  if (mode === "required") {
    throw new UserError(
      `modelgate.yaml spec.attest is ${o.configured ? "required" : "required by default here"}: pass --signing-key FILE (an ECDSA P-256 PEM key) or set MODELGATE_SIGNING_KEY, or run in GitHub Actions with \`id-token: write\` and the actions/attest steps of workflows/; nothing was built or written`,
      o.configFile ? { file: o.configFile } : undefined,
    );
  }
  // optional, and nothing can sign: not attested (the plan says so; `audit verify --trust` reports it as unsigned)
  return { mode, by: "none", builder };
}

/** The build facts a record's attestation block holds, for this setup. */
export function buildFacts(
  setup: AttestSetup,
  extra: { base?: BuildFacts["base"]; datasets?: BuildFacts["datasets"] } = {},
): BuildFacts | undefined {
  if (setup.by === "none") return undefined;
  return {
    signer: setup.by,
    builder: setup.builder,
    ...(extra.base ? { base: extra.base } : {}),
    ...(extra.datasets?.length ? { datasets: extra.datasets } : {}),
  };
}

/** Signs each Statement with the key into a bundle file beside the ledger: path → text, to commit with the record. */
export async function signedFiles(
  signer: KeySigner,
  ledgerPath: string,
  statements: Statement[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const s of statements) {
    const bundle = await signStatement(s, signer);
    files[attestationPathBeside(ledgerPath, statementDigest(s).slice(7))] = bundleText(bundle);
  }
  return files;
}

export const bundleText = (b: SerializedBundle | unknown) => `${JSON.stringify(b)}\n`;

/** One Statement for the workflow's actions/attest step: its predicate file and its subjects as a checksums file. */
export interface PendingStatement {
  model: string;
  action: PromotionRecord["action"];
  predicateType: string;
  /** sha256:<hex> of the Statement (what the record carries). */
  digest: string;
  /** Its hex alone: the files are `<hex>.predicate.json` and `<hex>.subjects.txt`. */
  hex: string;
  /** actions/attest's `predicate-path`. */
  predicate: string;
  /** actions/attest's `subject-checksums`: one `<hex>  <name>` line per subject. */
  subjects: string;
  /** The image, for a subject-name/subject-digest step. */
  image: { name: string; digest: string };
}

/** Writes each Statement's predicate and subjects for actions/attest; returns what the action outputs. */
export function writePendingStatements(
  dir: string,
  record: PromotionRecord,
  statements: Statement[],
): PendingStatement[] {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return statements.map((s) => {
    const digest = statementDigest(s);
    const hex = digest.slice(7);
    const predicate = join(dir, `${hex}.predicate.json`);
    const subjects = join(dir, `${hex}.subjects.txt`);
    writeFileSync(predicate, `${JSON.stringify(s.predicate, null, 2)}\n`);
    writeFileSync(subjects, s.subject.map((x) => `${x.digest.sha256}  ${x.name}\n`).join(""));
    return {
      model: record.model.name,
      action: record.action,
      predicateType: s.predicateType,
      digest,
      hex,
      predicate,
      subjects,
      image: { name: imageName(record.image.reference), digest: record.image.digest },
    };
  });
}

/** A signed bundle as an OCI referrer of the image, annotated as cosign and actions/attest annotate theirs. */
export function bundleAttachment(predicateType: string, hex: string, text: string) {
  return {
    artifactType: BUNDLE_MEDIA_TYPE,
    mediaType: BUNDLE_MEDIA_TYPE,
    title: `${hex}.sigstore.json`,
    bytes: Buffer.from(text),
    annotations: {
      "dev.sigstore.bundle.content": "dsse-envelope",
      "dev.sigstore.bundle.predicateType": predicateType,
    },
  };
}

/** What publish and release report of a record's attestations. */
export type AttestationsResult =
  | { by: "key"; statements: { predicateType: string; digest: string; bundle: string }[] }
  | { by: "workflow"; statements: PendingStatement[] };

/** Signed bundle files (from signedFiles) as the result lists them, in the Statements' order. */
export function signedResult(
  ledgerPath: string,
  statements: Statement[],
  files: Record<string, string>,
): { predicateType: string; digest: string; bundle: string; text: string }[] {
  return statements.map((s) => {
    const digest = statementDigest(s);
    const bundle = attestationPathBeside(ledgerPath, digest.slice(7));
    return { predicateType: s.predicateType, digest, bundle, text: files[bundle] };
  });
}
