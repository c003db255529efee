import { type StorageScheme } from "../deploy/kserve.ts";
import type { Approver } from "../approve/policy.ts";
import { attestRecord, type BuildFacts } from "../attest/promotion.ts";
import type { Statement } from "../attest/statement.ts";
import { type GitopsFacts, gitopsName, gitopsPath, renderGitops } from "../deploy/gitops.ts";
import { deployPaths, type ImageRef, type Pin, renderBase, renderOverlay } from "../deploy/render.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { canonicalJson, sha256Of } from "../ledger/canonical.ts";
import {
  appendToLedger,
  currentIn,
  evaluationCopyPath,
  type LedgerEntry,
  parseLedger,
  promotionsPath,
} from "../ledger/ledger.ts";
import { nextStageNumber, stageTag, versionTag } from "../ledger/tags.ts";
import { commitMessage, promotionTrailers } from "../ledger/trailers.ts";
import type { TagSpec } from "../ledger/writer.ts";
import { API_VERSION, type Model } from "../manifest/schema.ts";
import { ArtifactType, type Attachment } from "../oci/referrers.ts";
import type { EvaluationRecord } from "../records/evaluation.ts";
import type { ApprovalSourceRecord, PromotionRecord } from "../records/promotion.ts";
import { CARD_FILE, type CardInput, renderModelCard } from "../report/card.ts";
import type { Verdict } from "../report/gates.ts";
import { versionTakenMessage } from "./checks.ts";

/**
 * What publish writes, from values: the twin of release's `releaseChange`. `planPublish` says, before anything is
 * built, which image each model gets and where, and which files and tag its GitOps commit will hold (the plan
 * `--dry-run` prints); `publishChange` computes that commit on the GitOps branch's tip once the image's digest is
 * known: the promotion record chained to the model's ledger, the overlays pinned by digest, the model card, the
 * evaluation record's copy, the commit message with the promotion trailers, and the stage tag `<model>#<env>#N`.
 */

/** The pull request that merged: what was evaluated and approved. */
export interface PullFacts {
  number: number;
  author: string;
  /** The head commit: the one that was evaluated and approved. */
  head: string;
  url?: string;
}

/** One model that passed every check, with what publish ships of it. */
export interface CheckedModel {
  model: Model;
  /** The manifest's folder, relative to the repository root ("" at the root). */
  dir: string;
  /** The artifact's path in the repository. */
  artifactPath: string;
  /** The file that ships, when it is not the artifact path in the checkout (carried from the pull request's run). */
  artifactFile?: string;
  /** The evaluation record's file and its bytes (kept in git under their digest). */
  recordFile: string;
  recordBytes: Uint8Array;
  record: EvaluationRecord;
  verdict: Verdict;
  /** The model card's input (the image is filled in by publishChange). */
  card: CardInput;
  /** The evaluation datasets' files, by repository path (SLSA provenance's resolved dependencies). */
  datasets?: { name: string; path: string }[];
}

export interface PublishPlanFacts {
  /** The merged commit. */
  sha: string;
  pull: PullFacts;
  approvers: Approver[];
  /** Where the approvals came from (GitHub's API in a run, or a facts file), as the record says it. */
  approvalSource?: ApprovalSourceRecord;
  triggeredBy: string;
  /** Every environment's name, in order: the first is the one publish pins. */
  environments: string[];
  /** modelgate.yaml spec.paths. */
  paths: { records: string; deploy: string };
  /** The GitOps branch. */
  target: { remote: string; branch: string };
  /** Push images under REGISTRY/MODEL; without one, they go to the layout. */
  registry?: string;
  layoutDir: string;
  models: CheckedModel[];
  /** How each record is attested (modelgate.yaml spec.attest, the signing key, the OIDC token). */
  attest?: AttestPlan;
  /** modelgate.yaml spec.deploy.gitops: the Argo CD Application or Flux Kustomization of each environment. */
  gitops?: GitopsFacts;
}

/** How publish or release attests: signed here with a key (named by its hint), by the workflow, or not at all. */
export interface AttestPlan {
  mode: "required" | "optional" | "off";
  by: "key" | "workflow" | "none";
  keyHint?: string;
}

/** Where a model's image goes, and what package is asked to build. */
export interface ImagePlan {
  /** The repository the overlays name: REGISTRY/MODEL, or registry.invalid/MODEL for a local layout. */
  repository: string;
  /** REGISTRY/MODEL:VERSION, when pushed. */
  push?: string;
  /** DIR:NAME of the layout, when not pushed. */
  layout?: string;
  /** The file packaged, when not the manifest's artifact path (carried from the pull request's run). */
  artifactFile?: string;
  /** The evaluation record bound to the bytes and attached first. */
  evalRecord: string;
  /** org.opencontainers.image.revision: the merged commit. */
  revision: string;
}

export interface ModelPublishPlan {
  name: string;
  version: string;
  environment: string;
  image: ImagePlan;
  /** Referrers attached after the commit: the promotion record and the model card. */
  referrers: string[];
  /** The files of the GitOps commit: the ledger, the evaluation copy, the base, the overlays, the card. */
  files: {
    ledger: string;
    evaluationCopy: string;
    base: string;
    /** Each environment's overlay: the first pinned to the new image; the others written empty when absent. */
    overlays: { environment: string; path: string; pinned: boolean }[];
    /** Each environment's Argo CD Application or Flux Kustomization (spec.deploy.gitops), rewritten every time. */
    gitops: { environment: string; name: string; path: string; tool: string }[];
    card: string;
  };
  /** The stage tag made on the commit, `<model>#<env>#N`: N is the next free number on the remote. */
  stageTag: string;
  versionTag: string;
  checked: CheckedModel;
}

export interface PublishPlan {
  sha: string;
  pull: PullFacts;
  approvers: Approver[];
  /** Where the approvals came from (GitHub's API in a run, or a facts file), as the record says it. */
  approvalSource?: ApprovalSourceRecord;
  triggeredBy: string;
  target: { remote: string; branch: string };
  environments: string[];
  paths: { records: string; deploy: string };
  /** The registry images are pushed to, or undefined for the local layout. */
  registry?: string;
  layoutDir: string;
  models: ModelPublishPlan[];
  attest: AttestPlan;
  gitops?: GitopsFacts;
}

/** Where an image goes when no registry is configured: a local layout; the overlays then name this placeholder. */
export const LOCAL_REPOSITORY = "registry.invalid";

/** The plan: for each checked model, its image and the files and tag of its commit. Pure. */
export function planPublish(f: PublishPlanFacts): PublishPlan {
  const registry = f.registry?.replace(/\/$/, "");
  const env = f.environments[0];
  const attest = f.attest ?? { mode: "optional", by: "none" };
  const models = f.models.map((c): ModelPublishPlan => {
    const name = c.model.metadata.name;
    const version = c.model.spec.version;
    const deploy = deployPaths(f.paths.deploy, name);
    return {
      name,
      version,
      environment: env,
      image: {
        repository: registry ? `${registry}/${name}` : `${LOCAL_REPOSITORY}/${name}`,
        ...(registry ? { push: `${registry}/${name}:${version}` } : { layout: `${f.layoutDir}:${name}-${version}` }),
        ...(c.artifactFile ? { artifactFile: c.artifactFile } : {}),
        evalRecord: c.recordFile,
        revision: f.sha,
      },
      referrers: ["promotion record", "model card", ...(attest.by === "key" ? ["attestation bundles"] : [])],
      files: {
        ledger: promotionsPath(f.paths.records, name),
        evaluationCopy: evaluationCopyPath(f.paths.records, name, sha256Of(c.recordBytes).slice(7)),
        base: `${deploy.base}/`,
        overlays: f.environments.map((e) => ({ environment: e, path: deploy.overlay(e), pinned: e === env })),
        gitops: f.gitops
          ? f.environments.map((e) => ({
              environment: e,
              name: gitopsName(name, e),
              path: gitopsPath(f.paths.deploy, name, e),
              tool: f.gitops?.tool ?? "",
            }))
          : [],
        card: `${c.dir ? `${c.dir}/` : ""}${CARD_FILE}`,
      },
      stageTag: `${name}#${env}#N`,
      versionTag: versionTag(name, version),
      checked: c,
    };
  });
  return {
    sha: f.sha,
    pull: f.pull,
    approvers: f.approvers,
    ...(f.approvalSource ? { approvalSource: f.approvalSource } : {}),
    triggeredBy: f.triggeredBy,
    target: f.target,
    environments: f.environments,
    paths: f.paths,
    registry,
    layoutDir: f.layoutDir,
    models,
    attest,
    ...(f.gitops ? { gitops: f.gitops } : {}),
  };
}

/** What the GitOps branch's tip holds of a model's files, and its tags. */
export interface TipFacts {
  /** The text of each path publishChange reads (tipReads), undefined when absent. */
  files: Record<string, string | undefined>;
  tags: Iterable<string>;
  /**
   * Merge commits (of records in the ledger) that came after the merged commit on the default branch: the merged
   * commit is their ancestor. Only the commit behind the environment's current record is asked (heldBy).
   */
  laterMerges?: ReadonlySet<string>;
}

/**
 * The record that holds an environment, and the merge it came from: a publish record's own source, or, for a release
 * or rollback, the source of the publish record it promotes. Pure.
 */
export function heldBy(entries: LedgerEntry[], environment: string): { entry: LedgerEntry; merge: string } | undefined {
  const entry = currentIn(entries, environment);
  if (!entry) return undefined;
  const r = entry.record;
  if (r.action === "publish") return { entry, merge: r.source };
  const pub = entries.find((e) => e.digest === r.release?.publishRecord);
  return pub ? { entry, merge: pub.record.source } : undefined;
}

/** A digest that names no image: the plan checked on the tip before any image is built (publish's pre-flight). */
export const UNBUILT_IMAGE = { digest: `sha256:${"0".repeat(64)}`, scheme: "oci" } as const;

/** The paths publishChange reads on the tip: the ledger, the card, and the overlays it must not overwrite. */
export function tipReads(m: ModelPublishPlan): string[] {
  return [m.files.ledger, m.files.card, ...m.files.overlays.filter((o) => !o.pinned).map((o) => o.path)];
}

export interface PublishChangeFacts {
  plan: PublishPlan;
  model: ModelPublishPlan;
  /** The image built: its index digest, and the storage-URI scheme KServe reads it by (spec.kserve). */
  image: { digest: string; scheme: StorageScheme };
  tip: TipFacts;
  /** RFC 3339, UTC, whole seconds. */
  at: string;
  /** Who builds and signs, when the record is attested: its Statements are returned to be signed. */
  attest?: BuildFacts;
}

export type PublishChange =
  | { kind: "already"; record: PromotionRecord }
  /** The environment already runs a version from a later merge: publishing this one would downgrade it. */
  | { kind: "superseded"; held: LedgerEntry; merge: string }
  | {
      kind: "commit";
      record: PromotionRecord;
      digest: string;
      stageTag: string;
      files: Record<string, string>;
      message: string;
      tag: TagSpec;
      /** The Statements that attest the record (empty when not attested), in its attestation block's order. */
      statements: Statement[];
    };

/**
 * The commit of one model's publish on the tip: pure. "already" when the ledger holds a publish record of this merge
 * (a rerun); "superseded" when the environment runs a record from a later merge (publish follows merge order, so an
 * older merge that lands late never downgrades it). A damaged ledger is refused (the audit says where).
 */
export function publishChange(f: PublishChangeFacts): PublishChange {
  const { plan, model: mp, tip } = f;
  const c = mp.checked;
  const { name, version, environment } = mp;
  const ledgerText = tip.files[mp.files.ledger] ?? "";
  const { entries, problems } = parseLedger(ledgerText);
  if (problems.length) {
    throw new UserError(
      `${mp.files.ledger} on ${plan.target.branch} is damaged (line ${problems[0].line}: ${problems[0].message}); run \`modelgate audit verify ${name}\``,
    );
  }
  const done = entries.find((e) => e.record.action === "publish" && e.record.source === plan.sha);
  if (done) return { kind: "already", record: done.record };
  // Checked before anything was built; checked again on the tip the commit lands on (another merge may have won).
  const taken = entries.find(
    (e) =>
      e.record.action === "publish" &&
      e.record.model.name === name &&
      e.record.model.version === version &&
      e.record.model.sha256 !== c.model.spec.artifact.sha256,
  );
  if (taken) {
    throw new CheckFailed(
      versionTakenMessage(name, version, {
        sequence: taken.record.sequence,
        sha256: taken.record.model.sha256,
        source: taken.record.source,
        stageTag: taken.record.stageTag,
      }),
    );
  }
  const held = heldBy(entries, environment);
  if (held && held.merge !== plan.sha && tip.laterMerges?.has(held.merge)) {
    return { kind: "superseded", held: held.entry, merge: held.merge };
  }

  const tag = stageTag(name, environment, nextStageNumber(tip.tags, name, environment));
  const reference = `${mp.image.repository}@${f.image.digest}`;
  // the card first: the record binds it by its digest (audit verify checks it, and that no one edits it after)
  const card = renderModelCard({ ...c.card, image: reference }, tip.files[mp.files.card]);
  const pull = plan.pull;
  let statements: Statement[] = [];
  const attest = f.attest;
  const seal = attest
    ? (chained: PromotionRecord): PromotionRecord => {
        const a = attestRecord(chained, attest);
        statements = a.statements;
        return { ...chained, attestation: a.block };
      }
    : undefined;
  const appended = appendToLedger(
    ledgerText,
    {
      apiVersion: API_VERSION,
      kind: "PromotionRecord",
      action: "publish",
      at: f.at,
      model: { name, version, sha256: c.model.spec.artifact.sha256!, path: c.artifactPath },
      data: c.model.spec.evaluation.datasets.slice(0, 1).map((dn) => ({ name: dn, sha256: c.record.dataset.sha256 })),
      evaluation: {
        record: sha256Of(c.recordBytes),
        path: mp.files.evaluationCopy,
        verdict: c.verdict.status === "warn" ? "warn" : "pass",
        gates: c.verdict.results.map((g) => ({ gate: g.label, status: g.status })),
        metrics: headline(c.record),
      },
      pullRequest: {
        number: pull.number,
        author: pull.author,
        head: pull.head,
        ...(pull.url ? { url: pull.url } : {}),
      },
      approvals: plan.approvers.map((a) => ({
        reviewer: a.login,
        reviewId: a.reviewId,
        commit: a.commit,
        submittedAt: a.submittedAt,
      })),
      ...(plan.approvalSource ? { approvalSource: plan.approvalSource } : {}),
      image: { reference, digest: f.image.digest },
      environment,
      stageTag: tag,
      source: plan.sha,
      triggeredBy: plan.triggeredBy,
      card: { path: mp.files.card, sha256: sha256Of(card).slice("sha256:".length) },
    },
    seal,
  );
  const image: ImageRef = { repository: mp.image.repository, digest: f.image.digest, scheme: f.image.scheme };
  const pin: Pin = { image, version, record: appended.digest };
  const files: Record<string, string> = {
    [mp.files.ledger]: appended.text,
    [mp.files.evaluationCopy]: Buffer.from(c.recordBytes).toString("utf8"),
  };
  for (const [file, text] of Object.entries(renderBase(c.model, pin))) files[`${mp.files.base}${file}`] = text;
  for (const o of mp.files.overlays) {
    if (o.pinned) files[o.path] = renderOverlay(c.model, o.environment, pin);
    else if (tip.files[o.path] === undefined) files[o.path] = renderOverlay(c.model, o.environment, undefined);
  }
  if (plan.gitops) for (const g of mp.files.gitops) files[g.path] = renderGitops(plan.gitops, name, g.environment);
  files[mp.files.card] = card;
  return {
    kind: "commit",
    record: appended.record,
    digest: appended.digest,
    stageTag: tag,
    files,
    message: commitMessage(
      `Publish ${name} ${version} to ${environment}`,
      `Pull request #${pull.number} by ${pull.author}, head ${pull.head.slice(0, 12)}, merged as ${plan.sha.slice(0, 12)}.\nTag this commit to release it: git tag -a ${mp.versionTag} -m "${name} ${version}" <this commit>`,
      promotionTrailers(appended.record, appended.digest),
    ),
    tag: { name: tag, target: "HEAD", message: `${name} ${version} to ${environment} (modelgate publish)` },
    statements,
  };
}

/**
 * The records a publish attaches to its image after its commit, as referrers: the promotion record (in canonical
 * JSON, as its ledger line: the layer's digest is the record's digest), the model card as committed (when known),
 * and the signed bundles that attest the record (when signed with a key). The same
 * bytes on every run (created is the record's own time), so a rerun that finishes an interrupted publish attaches
 * what the first run would have. Pure.
 */
export function publishReferrers(
  record: PromotionRecord,
  card: string | undefined,
  more: { bundles?: Attachment[] } = {},
): { created: string; attachments: Attachment[] } {
  return {
    created: record.at,
    attachments: [
      {
        artifactType: ArtifactType.promotionRecord,
        mediaType: "application/json",
        title: "promotion-record.json",
        // the ledger's own line: the layer's digest is the record's digest (the Promotion-Record trailer)
        bytes: Buffer.from(canonicalJson(record)),
      },
      ...(card === undefined
        ? []
        : [
            {
              artifactType: ArtifactType.modelCard,
              mediaType: "text/markdown",
              title: CARD_FILE,
              bytes: Buffer.from(card),
            },
          ]),
      ...(more.bundles ?? []),
    ],
  };
}

/** The headline metrics of a record: the candidate's, as numbers (no curves). */
export function headline(r: EvaluationRecord): Record<string, number | null> {
  const keep = [
    "roc_auc",
    "average_precision",
    "accuracy",
    "precision",
    "recall",
    "f1",
    "log_loss",
    "f1_macro",
    "mae",
    "rmse",
    "r2",
  ];
  const out: Record<string, number | null> = {};
  for (const k of keep) if (k in r.candidate.metrics) out[k] = r.candidate.metrics[k];
  return out;
}

/** The plan as data to print (`--dry-run --json`): where each image goes, the files and tag of each commit. */
export function planView(plan: PublishPlan) {
  return {
    target: plan.target,
    ...(plan.registry ? { registry: plan.registry } : { layout: plan.layoutDir }),
    models: plan.models.map(({ checked: _, ...m }) => m),
  };
}

/** The plan of one model in words, for `publish --dry-run`. */
export function describeModelPlan(plan: PublishPlan, m: ModelPublishPlan): string[] {
  const f = m.files;
  const where = m.image.push ? `push ${m.image.push}` : `write it to the layout ${m.image.layout}`;
  return [
    `image: build ${m.image.artifactFile ?? m.checked.artifactPath} into an image and ${where}, with the evaluation record ${m.image.evalRecord} attached`,
    `commit to ${plan.target.branch} of ${plan.target.remote}: ${f.ledger} (promotion record), ${f.evaluationCopy}, ${f.base}, ${f.overlays
      .map((o) => `${o.path} (${o.pinned ? "pinned to the image" : "deploys nothing, when absent"})`)
      .join(
        ", ",
      )}, ${f.gitops.map((g) => `${g.path} (${g.tool === "argocd" ? "Argo CD Application" : "Flux Kustomization"})`).join(", ")}${f.gitops.length ? ", " : ""}${f.card}`,
    `tag: ${m.stageTag} (N: the next free number); then attach the promotion record and the model card to the image`,
    attestLine(plan.attest, f.ledger),
  ];
}

/** The plan's attestation in words. */
export function attestLine(a: AttestPlan, ledger: string): string {
  const where = ledger.replace(/promotions\.jsonl$/, "attestations/");
  if (a.by === "key")
    return `attest: sign the record's in-toto Statements with the key ${a.keyHint?.slice(0, 16)}… into ${where} (same commit), and attach the bundles to the image`;
  if (a.by === "workflow")
    return `attest: write the record's in-toto Statements for the workflow's actions/attest step (keyless); \`modelgate attest store\` files the bundles in ${where}`;
  return `attest: nothing is signed (spec.attest: ${a.mode})`;
}
