import type { BuildFacts } from "../attest/promotion.ts";
import { deployPaths } from "../deploy/render.ts";
import { UserError } from "../errors.ts";
import { defaultEnvironment } from "./default-environment.ts";
import { currentIn, type LedgerEntry, promotionsPath } from "../ledger/ledger.ts";
import {
  deregisterTag,
  deregistrationOf,
  nextStageNumber,
  parseTag,
  parseVersionArg,
  unassignTag,
  versionTag,
} from "../ledger/tags.ts";
import type { Change, TagSpec } from "../ledger/writer.ts";
import type { Config, Model } from "../manifest/schema.ts";
import type { ApprovalSourceRecord, EnvironmentApproval } from "../records/promotion.ts";
import { escapeMd } from "../report/escape.ts";
import type { RemoteTag, TagVerification } from "../vocabulary.ts";
import { type ChangeFacts, type RegistryChange, type ReleaseChange, registryChange, releaseChange } from "./change.ts";
import {
  type Decision,
  decide,
  isRefusal,
  type Located,
  locateVersion,
  type Refusal,
  type RegistryView,
  type ReleaseTarget,
  readLedger,
} from "./checks.ts";
import type { ReleaseResult } from "./result.ts";

/**
 * The pure steps of a release, from facts to what will be written (./run.ts gathers the facts and writes the plan):
 * which version, which environment and who releases; the plan of a promotion (its record, files, trailers and stage
 * tag, by ./change.ts) or of a registry tag (--unassign, --deregister); the same plan again on the branch tip a write
 * lands on; and what a dry run reports. Values in, values out: no git, no network, no clock.
 */

export interface ReleaseSubject {
  model: string;
  version: string;
}

/** Which version to release: a tag `<model>@vX.Y.Z`, or a model and a version (not both, unless they agree). */
export function releaseSubject(o: { tag?: string; model?: string; version?: string }): ReleaseSubject {
  if (o.tag) {
    const p = parseTag(o.tag);
    if (p?.kind !== "version" || p.deregistered) {
      throw new UserError(
        `"${o.tag}" is not a version tag: a release tag is <model>@vX.Y.Z (GTO's grammar), e.g. fraud-detector@v1.4.0`,
      );
    }
    if (o.model && o.model !== p.name) {
      throw new UserError(`--model ${o.model} differs from the tag ${o.tag}; give one or the other`);
    }
    if (o.version && parseVersionArg(o.version)?.version !== p.version) {
      throw new UserError(`--version ${o.version} differs from the tag ${o.tag}; give one or the other`);
    }
    return { model: p.name, version: p.version };
  }
  if (!o.model || !o.version) {
    throw new UserError(
      "name what to release: a tag (modelgate release fraud-detector@v1.4.0) or --model and --version",
    );
  }
  const v = parseVersionArg(o.version);
  if (!v || (v.name && v.name !== o.model)) {
    throw new UserError(`--version expects X.Y.Z (semantic versioning), got "${o.version}"`);
  }
  return { model: o.model, version: v.version };
}

export type EnvironmentConfig = Config["spec"]["environments"][number];

export { defaultEnvironment };

/** The named environment (default: defaultEnvironment) as modelgate.yaml configures it. */
export function releaseEnvironment(config: Config, name: string | undefined, configFile?: string): EnvironmentConfig {
  const envName = name ?? defaultEnvironment(config);
  const env = config.spec.environments.find((e) => e.name === envName);
  if (!env) {
    throw new UserError(
      `no environment "${envName}" in modelgate.yaml (environments: ${config.spec.environments.map((e) => e.name).join(", ")})`,
      configFile ? { file: configFile } : undefined,
    );
  }
  return env;
}

/** Which version goes where, and the paths of the files release reads and writes. */
export function releaseTarget(
  config: Config,
  subject: ReleaseSubject,
  environment: string,
  gitops: { remote: string; branch: string },
): ReleaseTarget {
  const publishEnvironment = config.spec.environments[0].name;
  const paths = deployPaths(config.spec.paths.deploy, subject.model);
  return {
    ...subject,
    environment,
    publishEnvironment,
    remote: gitops.remote,
    branch: gitops.branch,
    ledgerPath: promotionsPath(config.spec.paths.records, subject.model),
    overlayPath: paths.overlay(environment),
    publishOverlayPath: paths.overlay(publishEnvironment),
  };
}

/** Who releases, and the workflow run whose environment approval counts. */
export interface Releaser {
  actor: string;
  /** Who started this run: the actor, or whoever re-ran the actor's run. */
  triggeredBy: string;
  runId: number | undefined;
  /** The run's attempt (GITHUB_RUN_ATTEMPT), inside Actions. */
  runAttempt?: number;
}

/**
 * Who releases: in Actions, the actor GitHub authenticated (GITHUB_ACTOR) and this run (GITHUB_RUN_ID), which
 * --actor and --run-id may repeat but not contradict; elsewhere --actor and --run-id, else the facts file's.
 */
export function whoReleases(
  env: NodeJS.ProcessEnv,
  given: { actor?: string; runId?: string | number },
  file?: { actor?: string; runId?: number },
): Releaser {
  const inActions = env.GITHUB_ACTIONS === "true";
  let actor: string | undefined;
  let runId: number | undefined;
  if (inActions) {
    actor = env.GITHUB_ACTOR;
    if (given.actor && actor && given.actor.toLowerCase() !== actor.toLowerCase()) {
      throw new UserError(
        `--actor ${given.actor} differs from GITHUB_ACTOR ${actor}: inside Actions the releaser is the actor GitHub authenticated`,
      );
    }
    const run = env.GITHUB_RUN_ID;
    if (given.runId !== undefined && String(given.runId) !== run) {
      throw new UserError(
        `--run-id ${given.runId} differs from this run (GITHUB_RUN_ID ${run}): a release uses its own run's approval`,
      );
    }
    runId = run ? Number(run) : undefined;
  } else {
    actor = given.actor ?? file?.actor ?? env.GITHUB_ACTOR;
    const run = given.runId ?? file?.runId;
    if (run !== undefined && run !== "") {
      runId = Number(run);
      if (!Number.isInteger(runId) || runId <= 0) throw new UserError(`--run-id expects a number, got "${run}"`);
    }
  }
  if (!actor) {
    throw new UserError("who is releasing? pass --actor LOGIN (inside Actions, GITHUB_ACTOR says it)");
  }
  const triggeredBy = (inActions && env.GITHUB_TRIGGERING_ACTOR) || actor;
  const attempt = inActions ? Number(env.GITHUB_RUN_ATTEMPT) : Number.NaN;
  return { actor, triggeredBy, runId, ...(Number.isInteger(attempt) && attempt > 0 ? { runAttempt: attempt } : {}) };
}

// ---- the plan ------------------------------------------------------------------------------------------------------

/** What a release will write, decided before anything is written; `--dry-run` reports it and writes nothing. */
export type ReleasePlan = NothingToWrite | PromotionPlan | RegistryTagPlan;

/** Nothing to write: the version already runs there, or is already unassigned or deregistered. */
export interface NothingToWrite {
  kind: "nothing";
  result: ReleaseResult;
}

/** The facts a promotion records from GitHub (or a facts file), gathered once, before the write. */
export interface PromotionFacts {
  releaser: Releaser;
  /** How the actor is an allowed releaser ("spec.releasers.users", "team org/name", …). */
  via: string;
  /** The version tag's tagger line, unverified. */
  tagger: string | undefined;
  signature: TagVerification | undefined;
  approvals: EnvironmentApproval[];
  /** Where the environment approvals came from: GitHub's API in a run, or a facts file. */
  approvalSource: ApprovalSourceRecord;
  /** Who signs, when the record is attested (modelgate.yaml spec.attest). */
  attest?: BuildFacts;
}

/** A release or rollback: one commit (overlay, ledger) and the stage tag on the version's commit, pushed together. */
export interface PromotionPlan {
  kind: "promote";
  target: ReleaseTarget;
  manifest: Model;
  /** The version found on the remote: its tag, its publish record, the ledger it was read from. */
  located: Located;
  action: "release" | "rollback";
  facts: PromotionFacts;
  /** The record, files, commit message (with its trailers) and stage tag, as computed on the tip read. */
  change: ReleaseChange;
  /** Where the commit goes: onto the GitOps branch, or onto its own branch that a pull request proposes. */
  write:
    | { to: "branch"; branch: string }
    | { to: "pull-request"; head: string; base: string; title: string; body: string };
  /** What the result says of the version before anything is written. */
  base: ReleaseResult;
}

/** What an --unassign or --deregister decides from: the ledger at the tip and the configured environments. */
export interface RegistryBasis {
  target: ReleaseTarget;
  mode: "unassign" | "deregister";
  ledgerText: string;
  /** Every environment of modelgate.yaml: a deregistered version must run in none (GTO would not show it there). */
  environments: string[];
  actor: string;
}

/**
 * --unassign or --deregister: one GTO registry tag on the version's commit, pushed with the commit that appends its
 * record to the ledger (so that deleting the tag leaves a trace, and release reads a deregistration from the ledger).
 */
export interface RegistryTagPlan {
  kind: "registry-tag";
  basis: RegistryBasis;
  tag: TagSpec;
  /** The record, ledger and commit message, as computed on the tip read. */
  change: RegistryChange;
  /** How the actor is an allowed releaser. */
  via: string;
  base: ReleaseResult;
}

/** The result's fields known before anything is written. */
export function resultBase(t: ReleaseTarget, dryRun: boolean, located?: Located): ReleaseResult {
  const base: ReleaseResult = {
    model: t.model,
    version: t.version,
    tag: versionTag(t.model, t.version),
    environment: t.environment,
    outcome: "unchanged",
    summary: "",
    dryRun,
  };
  if (!located) return base;
  return {
    ...base,
    image: { reference: located.image.reference, digest: located.image.digest },
    recordPath: t.ledgerPath,
    overlayPath: t.overlayPath,
    branch: t.branch,
  };
}

/**
 * The decision on a located version (./checks.ts locateVersion): the tag object the remote serves must be the
 * annotated tag it lists, then `decide` (already there, a release, a rollback, or a refusal).
 */
export function decideRelease(
  t: ReleaseTarget,
  located: Located,
  object: { type: string; oid: string },
  overlayText: string | undefined,
  runId: number | undefined,
): Decision | Refusal {
  if (object.type !== "tag" || object.oid !== located.tag.oid) {
    return {
      check: "lightweight",
      message: `${t.model}: ${located.tag.name} is a ${object.type || "missing"} object per \`git cat-file -t\`, not an annotated tag; tag the version with \`git tag -a\``,
    };
  }
  return decide(t, located, overlayText, runId);
}

/** The version already runs in the environment: nothing to write. */
export function alreadyThere(t: ReleaseTarget, base: ReleaseResult, current: LedgerEntry): NothingToWrite {
  const c = current.record;
  return {
    kind: "nothing",
    result: {
      ...base,
      outcome: "unchanged",
      stageTag: c.stageTag,
      recordDigest: current.digest,
      summary: `${t.model} ${t.version} already runs in ${t.environment} (record #${c.sequence}, ${c.stageTag}): nothing to do`,
    },
  };
}

function changeFacts(
  d: { action: "release" | "rollback"; supersedes: LedgerEntry | undefined },
  tagNames: Iterable<string>,
  t: ReleaseTarget,
  f: PromotionFacts,
  at: string,
): ChangeFacts {
  return {
    action: d.action,
    supersedes: d.supersedes,
    stageNumber: nextStageNumber(tagNames, t.model, t.environment),
    actor: f.releaser.actor,
    triggeredBy: f.releaser.triggeredBy,
    tagger: f.tagger,
    signature: f.signature,
    approvals: f.approvals,
    approvalSource: f.approvalSource,
    runId: f.releaser.runId,
    ...(f.releaser.runAttempt !== undefined ? { runAttempt: f.releaser.runAttempt } : {}),
    at,
    ...(f.attest ? { attest: f.attest } : {}),
  };
}

/** The branch and pull request that propose a release for an environment with `promotion: pull-request`. */
function proposal(t: ReleaseTarget) {
  const head = `modelgate/release/${t.model}/${t.environment}/v${t.version}`;
  return {
    to: "pull-request" as const,
    head,
    base: t.branch,
    title: `Release ${t.model} ${t.version} to ${t.environment}`,
    body: `modelgate proposes ${escapeMd(versionTag(t.model, t.version))} for ${escapeMd(t.environment)}: it changes \`${t.overlayPath}\` and appends the promotion record to \`${t.ledgerPath}\`. Merging deploys it.`,
  };
}

/** The plan of a release or rollback the checks allowed, on the view it was decided on. */
export function promotionPlan(i: {
  target: ReleaseTarget;
  environment: EnvironmentConfig;
  manifest: Model;
  view: RegistryView;
  located: Located;
  decision: Extract<Decision, { kind: "promote" }>;
  facts: PromotionFacts;
  /** RFC 3339, UTC: the record's time. */
  at: string;
  dryRun: boolean;
}): PromotionPlan {
  const t = i.target;
  const facts = changeFacts(i.decision, i.view.tags.keys(), t, i.facts, i.at);
  return {
    kind: "promote",
    target: t,
    manifest: i.manifest,
    located: i.located,
    action: i.decision.action,
    facts: i.facts,
    change: releaseChange(t, i.located, i.manifest, i.view.ledgerText, facts),
    write: i.environment.promotion === "pull-request" ? proposal(t) : { to: "branch", branch: t.branch },
    base: resultBase(t, i.dryRun, i.located),
  };
}

/** A promotion re-planned on the tip a write lands on: what the writer commits and tags, or nothing to do. */
export type TipStep = { change: ReleaseChange; action: "release" | "rollback"; commit: Change } | { unchanged: string };

/**
 * The same checks and the same change on the branch tip each write attempt lands on: another run may have released
 * meanwhile (then nothing is left to do), the version tag must not have moved, and the stage number is the next
 * one on the remote now.
 */
export function promotionOnTip(plan: PromotionPlan, view: RegistryView, at: string): TipStep | Refusal {
  const t = plan.target;
  const loc = locateVersion(t, view);
  if (isRefusal(loc)) return loc;
  if (loc.tag.oid !== plan.located.tag.oid) {
    return {
      check: "moved",
      message: `${t.model}: ${loc.tag.name} moved while it was being released (${plan.located.tag.oid} → ${loc.tag.oid}); nothing was released`,
    };
  }
  const d = decide(t, loc, view.overlayText, plan.facts.releaser.runId);
  if (isRefusal(d)) return d;
  if (d.kind === "unchanged") return { unchanged: d.current.record.stageTag };
  const change = releaseChange(
    t,
    loc,
    plan.manifest,
    view.ledgerText,
    changeFacts(d, view.tags.keys(), t, plan.facts, at),
  );
  return {
    change,
    action: d.action,
    commit: {
      files: change.files,
      message: change.message,
      tags: [{ name: change.stageTag, target: loc.tag.commit, message: change.tagMessage }],
    },
  };
}

/** The result of a promotion's change, before the outcome and summary are known. */
export function describePromotion(plan: PromotionPlan, change: ReleaseChange, action: "release" | "rollback") {
  const f = plan.facts;
  return {
    ...plan.base,
    action,
    stageTag: change.stageTag,
    record: change.record,
    recordDigest: change.digest,
    supersedes: change.record.release?.supersedes ?? null,
    releaser: { login: f.releaser.actor, via: f.via },
    environmentApprovals: f.approvals,
    ...(f.signature ? { signature: f.signature } : {}),
  } satisfies ReleaseResult;
}

/** What --unassign or --deregister pushes, on the remote's tags now: a tag, nothing to do (a note), or a refusal. */
export type RegistryStep = { tag: TagSpec } | { note: string };

/**
 * --deregister: `<model>@vX.Y.Z!` on the version's commit, refused while any environment runs it (GTO shows no stage
 * of a deregistered version, so it would stop showing what the overlay deploys).
 * --unassign: `<model>#<env>!#N` on the version's commit, when its latest stage event there is an assignment and
 * the environment does not run it.
 */
export function registryTagStep(b: RegistryBasis, tags: Map<string, RemoteTag>): RegistryStep | Refusal {
  const t = b.target;
  const tag = tags.get(versionTag(t.model, t.version));
  if (!tag) {
    return {
      check: "tag-missing",
      message: `${t.model}: the version tag ${versionTag(t.model, t.version)} is not on ${t.remote}; there is no such version to ${b.mode}`,
    };
  }
  const ledger = readLedger(b.ledgerText, t.ledgerPath, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  return b.mode === "deregister"
    ? deregisterStep(b, tags, tag, ledger.entries)
    : unassignStep(b, tags, tag, ledger.entries);
}

function deregisterStep(
  b: RegistryBasis,
  tags: Map<string, RemoteTag>,
  tag: RemoteTag,
  entries: LedgerEntry[],
): RegistryStep | Refusal {
  const t = b.target;
  const name = deregisterTag(t.model, t.version);
  const done = deregistrationOf(tags.keys(), t.model, t.version);
  if (done) return { note: `${t.model} ${t.version} is already deregistered (${done}): nothing to do` };
  const recorded = deregistration(entries, t.version);
  if (recorded) {
    return {
      note: `${t.model} ${t.version} is already deregistered (record #${recorded.record.sequence} in ${t.ledgerPath}), but its tag ${name} is not on ${t.remote}: nothing to do (\`modelgate audit verify ${t.model}\` reports the missing tag)`,
    };
  }
  const running = b.environments.filter((e) => currentIn(entries, e)?.record.model.version === t.version);
  if (running.length > 0) {
    return {
      check: "runs-there",
      message: `${t.model}: ${t.version} runs in ${running.join(", ")} (the last record there promoted it); GTO shows no stage of a deregistered version, so it would no longer show what runs there: release or roll back to another version there first (modelgate release --model ${t.model} --version X.Y.Z --env ${running[0]}), then deregister it`,
    };
  }
  return { tag: { name, target: tag.commit, message: `Deregister ${t.model} ${t.version} (by ${b.actor})` } };
}

function unassignStep(
  b: RegistryBasis,
  tags: Map<string, RemoteTag>,
  tag: RemoteTag,
  entries: LedgerEntry[],
): RegistryStep | Refusal {
  const t = b.target;
  // the version's latest stage event for this environment must be an assignment
  const events = [...tags.values()]
    .map((x) => ({ x, p: parseTag(x.name) }))
    .filter(
      ({ x, p }) => p?.kind === "stage" && p.name === t.model && p.stage === t.environment && x.commit === tag.commit,
    )
    // GTO orders by tag time; ls-remote gives none, and counters (modelgate's per stage, GTO's per model) rise with it
    .map(({ x, p }) => ({ x, p, n: p?.kind === "stage" ? (p.number ?? 0) : 0 }))
    .sort((a, b) => a.n - b.n);
  const latest = events.at(-1);
  if (!latest) {
    return {
      check: "not-published",
      message: `${t.model}: ${t.version} was never assigned to ${t.environment} (no ${t.model}#${t.environment}#N tag on its commit); nothing to unassign`,
    };
  }
  if (latest.p?.kind === "stage" && latest.p.unassigned) {
    return {
      note: `${t.model} ${t.version} is already unassigned from ${t.environment} (${latest.x.name}): nothing to do`,
    };
  }
  if (currentIn(entries, t.environment)?.record.model.version === t.version) {
    return {
      check: "runs-there",
      message: `${t.model}: ${t.version} is what ${t.environment} runs (its overlay pins it); release or roll back to another version first, then unassign it`,
    };
  }
  const name = unassignTag(t.model, t.environment, nextStageNumber(tags.keys(), t.model, t.environment));
  return {
    tag: {
      name,
      target: tag.commit,
      message: `Unassign ${t.environment} from ${t.model} ${t.version} (by ${b.actor})`,
    },
  };
}

/** The ledger's deregistration of a version, if it holds one. */
export function deregistration(entries: LedgerEntry[], version: string): LedgerEntry | undefined {
  return entries.find((e) => e.record.action === "deregister" && e.record.model.version === version);
}

/** The publish record of the version a registry tag is about: the one whose stage tag is on the version's commit. */
function publishOfVersion(entries: LedgerEntry[], tags: Map<string, RemoteTag>, t: ReleaseTarget, commit: string) {
  const published = entries.filter((e) => e.record.action === "publish" && e.record.model.version === t.version);
  return published.find((e) => tags.get(e.record.stageTag)?.commit === commit) ?? published.at(-1);
}

/**
 * --unassign or --deregister on the ledger and tags of one tip: the tag with the record that keeps it in the ledger,
 * nothing to do (a note), or a refusal. The same on the plan's tip and on the tip each write attempt lands on.
 */
export function registryChangeOnTip(
  b: RegistryBasis,
  tags: Map<string, RemoteTag>,
  f: { triggeredBy: string; at: string; attest?: BuildFacts },
): { tag: TagSpec; change: RegistryChange } | { note: string } | Refusal {
  const t = b.target;
  const step = registryTagStep(b, tags);
  if (isRefusal(step) || "note" in step) return step;
  const ledger = readLedger(b.ledgerText, t.ledgerPath, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  const publish = publishOfVersion(ledger.entries, tags, t, step.tag.target);
  if (!publish) {
    return {
      check: "not-published",
      message: `${t.model}: ${t.ledgerPath} on ${t.branch} has no publish record of ${t.version}; there is no published version to ${b.mode}`,
    };
  }
  const change = registryChange(t, publish, step.tag, b.ledgerText, {
    mode: b.mode,
    actor: b.actor,
    triggeredBy: f.triggeredBy,
    at: f.at,
    ...(f.attest ? { attest: f.attest } : {}),
  });
  return { tag: change.tag, change };
}

/** What `--dry-run` reports: the plan, and that nothing was written. */
export function previewRelease(plan: ReleasePlan): ReleaseResult {
  if (plan.kind === "nothing") return plan.result;
  if (plan.kind === "registry-tag") {
    return {
      ...plan.base,
      outcome: "planned",
      registryTag: plan.tag.name,
      summary: `dry run: would push ${plan.tag.name} on ${plan.tag.target.slice(0, 7)}; nothing was written`,
    };
  }
  const t = plan.target;
  return {
    ...describePromotion(plan, plan.change, plan.action),
    outcome: "planned",
    summary: `dry run: would ${plan.action === "rollback" ? "roll back" : "release"} ${t.model} to ${t.version} in ${t.environment} (${plan.change.stageTag} on ${plan.located.tag.commit.slice(0, 7)}); nothing was written`,
  };
}
