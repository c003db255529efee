import {
  type AttestationsResult,
  type AttestSetup,
  buildFacts,
  bundleAttachment,
  signedFiles,
  signedResult,
  writePendingStatements,
} from "../attest/setup.ts";
import { storageScheme } from "../deploy/kserve.ts";
import { CheckFailed, environmentFailure, UserError } from "../errors.ts";
import { fetchCommit } from "../git/merge-order.ts";
import { lsRemoteTags } from "../git/remote.ts";
import { attestationPathBeside } from "../ledger/ledger.ts";
import { writeAndPush } from "../ledger/writer.ts";
import { repoRelative } from "../manifest/repo.ts";
import type { Attachment } from "../oci/referrers.ts";
import { type PackageResult, packageModel } from "../package/run.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { killPoint } from "../util/kill-point.ts";
import type { Workspace } from "../workspace/workspace.ts";
import {
  LOCAL_REPOSITORY,
  type ModelPublishPlan,
  type PublishChange,
  type PublishPlan,
  publishChange,
  publishReferrers,
} from "./change.ts";
import { attachMissing, type ImageAt } from "./finish.ts";
import { ledgerRefusal, stamp, supersededRefusal, tipFacts } from "./tip.ts";

/**
 * Publish's apply step, model by model, in the order a crash can interrupt it (the kill points of the README's
 * Operations section): the image is built and pushed (with the evaluation record attached), then one commit and
 * stage tag land on the GitOps branch, then the promotion record and the model card are attached to the image. A
 * merge already published (found by the pre-flight, or by a push attempt) is not built again: only the referrers
 * its image lacks are attached.
 */

export interface PublishedModel {
  name: string;
  version: string;
  image: { reference: string; digest: string };
  environment: string;
  commit?: string;
  tags: string[];
  record?: string;
  recordDigest?: string;
  /** The version tag the release manager makes on that commit. */
  versionTag: string;
  versionTagCommand?: string;
  /** True when this merge was already published (only missing referrers were attached). */
  alreadyPublished?: boolean;
  /** The referrers this run attached to an image an earlier run published (after a crash or a registry failure). */
  finished?: string[];
  /** The Statements that attest the record: signed here (key), or pending for the workflow's actions/attest. */
  attestations?: AttestationsResult;
}

export interface ApplyOptions {
  /** Each model's change on the tip as the pre-flight found it (an "already" is finished, not built again). */
  outcomes: Map<string, PublishChange>;
  /** Each model's ledger text the pre-flight verified the history of; another text on a push attempt is verified. */
  verified: Map<string, string>;
  /** Push retry tuning (tests). */
  backoffMs?: number;
  /** How the records are attested (../attest/setup.ts), decided before anything was built. */
  attest: AttestSetup;
}

const log = (ws: Workspace, line: string) => ws.io.err(`${line}\n`);

/** Builds and pushes every image (content-addressed: a rerun pushes nothing new), then commits and tags each model. */
export async function applyPublish(
  ws: Workspace,
  plan: PublishPlan,
  opts: ApplyOptions,
): Promise<{ models: PublishedModel[]; warnings: string[] }> {
  const warnings: string[] = [];
  if (!plan.registry) {
    warnings.push(
      `no registry configured (modelgate.yaml spec.registry): images are written to the layout ${repoRelative(ws.io.cwd, plan.layoutDir)}, and the overlays name them ${LOCAL_REPOSITORY}/<model>; set spec.registry to push them`,
    );
  }
  const models: PublishedModel[] = [];
  for (const m of plan.models) {
    const before = opts.outcomes.get(m.name);
    models.push(
      before?.kind === "already"
        ? await finishPublished(ws, plan, m, before.record)
        : await publishModel(ws, plan, m, opts, warnings, models),
    );
  }
  return { models, warnings };
}

async function publishModel(
  ws: Workspace,
  plan: PublishPlan,
  m: ModelPublishPlan,
  opts: ApplyOptions,
  warnings: string[],
  done: PublishedModel[],
): Promise<PublishedModel> {
  const { name, version } = m;
  log(ws, `publish ${name} ${version}: building the image`);
  const built = await buildImage(ws, plan, m, done);
  for (const w of built.warnings) warnings.push(`${name}: ${w}`);
  const reference = `${m.image.repository}@${built.digest}`;
  log(ws, `publish ${name} ${version}: image ${reference}`);
  killPoint("after-image");

  // ---- one commit on the GitOps branch: overlays, card, evaluation record, promotion record; tag it
  let change: PublishChange | undefined;
  let signed: Record<string, string> = {};
  const { attest } = opts;
  const written = await writeAndPush(
    ws.git,
    plan.target,
    async (tip) => {
      const facts = await tipFacts(ws, plan, m, tip);
      const ledger = facts.files[m.files.ledger] ?? "";
      if (ledger !== opts.verified.get(m.name)) {
        // the ledger moved since it was verified: its new history is verified before anything is chained onto it
        const refused = await ledgerRefusal(ws, plan, m);
        if (refused) throw new CheckFailed(`${refused.message} (found after the image ${reference} was pushed)`);
        opts.verified.set(m.name, ledger);
      }
      const image = { digest: built.digest, scheme: storageScheme(ws.repo.config.spec.kserve) };
      const base = built.base.digest ? { reference: built.base.name, digest: built.base.digest } : undefined;
      const attested = buildFacts(attest, { base, datasets: m.checked.datasets });
      change = publishChange({ plan, model: m, image, tip: facts, at: stamp(ws), attest: attested });
      if (change.kind !== "commit") return undefined;
      signed = attest.signer ? await signedFiles(attest.signer, m.files.ledger, change.statements) : {};
      return { files: { ...change.files, ...signed }, message: change.message, tags: [change.tag] };
    },
    { identity: ws.repo.config.spec.identity, backoffMs: opts.backoffMs, log: (line) => log(ws, line) },
  );
  if (change?.kind === "superseded") {
    // a later merge landed while this image was built: the image stays in the registry, named by no record
    throw new CheckFailed(
      `${supersededRefusal(plan, m, change).message}; a later merge's publish landed while this one ran, after the image ${reference} was pushed (no record names it)`,
    );
  }
  if (change?.kind === "already") return finishPublished(ws, plan, m, change.record, built.descriptor);
  if (!written || change?.kind !== "commit") throw new Error("publish: the GitOps writer landed no change");
  killPoint("after-git-push");
  const tags = written.tags.join(", ");
  // the promotion record, the card and the signed bundles, attached to the image as referrers
  const bundles = signedResult(m.files.ledger, change.statements, signed);
  const attestations = attest.signer
    ? { by: "key" as const, statements: bundles.map(({ text: _, ...b }) => b) }
    : attest.statementsDir && change.statements.length
      ? {
          by: "workflow" as const,
          statements: writePendingStatements(attest.statementsDir, change.record, change.statements),
        }
      : undefined;
  const { created, attachments } = publishReferrers(change.record, change.files[m.files.card] ?? "", {
    bundles: bundles.flatMap((b) => (b.text ? [bundleAttachment(b.predicateType, b.digest.slice(7), b.text)] : [])),
  });
  try {
    await attachMissing(
      ws,
      plan.layoutDir,
      { reference, digest: built.digest, descriptor: built.descriptor },
      created,
      attachments,
      (line) => log(ws, line),
    );
  } catch (err) {
    throw new CheckFailed(
      `published ${name} ${version} as commit ${written.commit}, tag ${tags}; attaching the records to the image failed: ${why(err)}; re-run publish to attach them`,
    );
  }
  return {
    name,
    version,
    image: { reference, digest: built.digest },
    environment: m.environment,
    commit: written.commit,
    tags: written.tags,
    record: m.files.ledger,
    recordDigest: change.digest,
    ...(attestations ? { attestations } : {}),
    versionTag: m.versionTag,
    versionTagCommand: `git tag -a ${m.versionTag} -m "${name} ${version}" ${written.commit} && git push origin ${m.versionTag}`,
  };
}

/** What went wrong, in a sentence: the machine's failure by its file, else the error's own message. */
const why = (err: unknown) => environmentFailure(err) ?? (err as Error).message;

/**
 * A merge whose commit and stage tag already landed (a rerun): attaches the referrers an earlier run did not (it
 * crashed, or the registry failed, after the push), the model card as the publish commit holds it.
 */
async function finishPublished(
  ws: Workspace,
  plan: PublishPlan,
  m: ModelPublishPlan,
  record: PromotionRecord,
  descriptor?: ImageAt["descriptor"],
): Promise<PublishedModel> {
  const { name, version } = m;
  const at = await publishCommit(ws, plan, record);
  const card = at ? await ws.git.show(at, m.files.card) : undefined;
  // the bundles signed with a key were committed beside the ledger; the workflow's are filed by `attest store`
  const bundles: Attachment[] = [];
  for (const st of record.attestation?.signer === "key" ? record.attestation.statements : []) {
    const text = at ? await ws.git.show(at, attestationPathBeside(m.files.ledger, st.digest.slice(7))) : undefined;
    if (text) bundles.push(bundleAttachment(st.predicateType, st.digest.slice(7), text));
  }
  const { created, attachments } = publishReferrers(record, card, { bundles });
  let finished: string[];
  try {
    finished = await attachMissing(ws, plan.layoutDir, { ...record.image, descriptor }, created, attachments, (line) =>
      log(ws, line),
    );
  } catch (err) {
    throw new CheckFailed(
      `${name} ${version} was already published from ${plan.sha.slice(0, 12)} (${record.stageTag}); attaching the records to its image ${record.image.reference} failed: ${why(err)}; re-run publish to attach them`,
    );
  }
  log(
    ws,
    `publish ${name} ${version}: already published from ${plan.sha.slice(0, 12)} (${record.stageTag}); ${
      finished.length ? `attached what an earlier run left out: ${finished.join(", ")}` : "nothing to do"
    }`,
  );
  return {
    name,
    version,
    image: record.image,
    environment: record.environment,
    tags: [record.stageTag],
    versionTag: m.versionTag,
    alreadyPublished: true,
    ...(finished.length ? { finished } : {}),
  };
}

/** The commit that published `record` (the one its stage tag names on the remote), in this clone; else undefined. */
async function publishCommit(ws: Workspace, plan: PublishPlan, record: PromotionRecord): Promise<string | undefined> {
  const tag = (await lsRemoteTags(ws.git, plan.target.remote).catch(() => undefined))?.get(record.stageTag);
  if (!tag || !(await fetchCommit(ws.git, plan.target.remote, tag.commit))) return undefined;
  return tag.commit;
}

/** The model's image through the package service, bound to the evaluation record; pushed or written to the layout. */
async function buildImage(
  ws: Workspace,
  plan: PublishPlan,
  m: ModelPublishPlan,
  done: PublishedModel[],
): Promise<PackageResult> {
  try {
    return await packageModel(ws, m.name, {
      evalRecord: m.image.evalRecord,
      revision: m.image.revision,
      ...(m.image.artifactFile ? { artifactFile: m.image.artifactFile } : {}),
      ...(m.image.push ? { push: m.image.push } : { layout: m.image.layout }),
      // not quiet: each retry of the registry, and a line every few seconds of a long upload, are said
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const where = plan.registry ? `to ${plan.registry}` : `into ${plan.layoutDir}`;
    const machine = environmentFailure(err);
    const already = done.length ? ` (already published in this run: ${done.map((o) => o.name).join(", ")})` : "";
    throw new CheckFailed(
      machine
        ? `could not build and write the image of ${m.name} ${m.version} ${where}: ${machine}; nothing was committed or tagged${already}`
        : `could not build and push the image of ${m.name} ${m.version} ${where}: ${(err as Error).message}; nothing was committed or tagged${already}; re-run publish when the registry is reachable`,
    );
  }
}
