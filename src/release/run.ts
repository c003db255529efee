import { join, resolve } from "node:path";
import { attachBundles } from "../attest/attach.ts";
import {
  type AttestationsResult,
  type AttestSetup,
  attestSetup,
  buildFacts,
  signedFiles,
  signedResult,
  writePendingStatements,
} from "../attest/setup.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { isRepository, pushBranch, deleteRemoteBranch, remoteBranchExists } from "../git/remote.ts";
import { ensurePullRequest, type GitHubContext, resolveContext } from "../github/index.ts";
import { versionTag } from "../ledger/tags.ts";
import { defaultBranch, type Tip, type WriterOptions, writeAndPush } from "../ledger/writer.ts";
import { findModel } from "../manifest/repo.ts";
import type { Config, Model } from "../manifest/schema.ts";
import type { ApprovalSourceRecord } from "../records/promotion.ts";
import { refuseFactsInActions } from "../util/facts.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { isRefusal, isSignedTag, locateVersion, type Refusal, type ReleaseTarget, taggerOf } from "./checks.ts";
import { apiFacts, type FactSource, fileFacts, readReleaseFacts } from "./facts.ts";
import { checkEnvironmentApproval, checkReleaser, teamsNeeded } from "./people.ts";
import type { RegistryChange, ReleaseChange } from "./change.ts";
import { fetchTagObject, fetchTip, readView, remoteTags } from "./remote.ts";
import { LOCAL_REPOSITORY } from "../publish/change.ts";
import type { ReleaseMode, ReleaseResult } from "./result.ts";
import {
  alreadyThere,
  decideRelease,
  describePromotion,
  type EnvironmentConfig,
  type PromotionPlan,
  previewRelease,
  promotionOnTip,
  promotionPlan,
  type RegistryTagPlan,
  type Releaser,
  type ReleasePlan,
  registryChangeOnTip,
  releaseEnvironment,
  releaseSubject,
  releaseTarget,
  resultBase,
  type TipStep,
  whoReleases,
} from "./steps.ts";

export type { Outcome, ReleaseMode, ReleaseResult } from "./result.ts";
export type { ReleasePlan } from "./steps.ts";

/**
 * The release service: a release manager's annotated tag `<model>@vX.Y.Z` promotes the image that publish built for
 * that version into an environment's overlay (production by default), with a promotion record chained in the
 * model's ledger and the GTO stage tag `<model>#<env>#N` on the version's commit, all pushed atomically; or, with
 * `mode`, one registry tag that unassigns or deregisters the version. `planRelease` gathers the facts (the remote's
 * tags and GitOps tree, GitHub's or a facts file's) and decides what will be written (./steps.ts, pure); every check
 * runs there, before anything is written; `applyRelease` writes the plan, running the same checks again on the
 * branch tip the write lands on.
 */

export interface ReleaseOptions {
  /** `<model>@vX.Y.Z`, or model + version. */
  tag?: string;
  model?: string;
  version?: string;
  /** Default: production when configured, else the last environment. */
  environment?: string;
  mode?: ReleaseMode;
  /** OWNER/NAME for the GitHub API (default GITHUB_REPOSITORY). */
  repo?: string;
  runId?: string | number;
  actor?: string;
  /** Decide from this facts file (relative to the workspace's io.cwd) instead of GitHub. */
  facts?: string;
  token?: string;
  /** Plan, report the plan, write nothing. */
  dryRun?: boolean;
  http?: GitHubContext["http"];
  log?: (line: string) => void;
  maxAttempts?: number;
  backoffMs?: number;
  /** Sign the record's Statement with this ECDSA P-256 PEM key (default: MODELGATE_SIGNING_KEY). */
  signingKey?: string;
  /** Where the Statement for the workflow's actions/attest step goes (default: $RUNNER_TEMP/modelgate-attest). */
  statementsDir?: string;
}

/** One release, opened: what it is about, who releases, and where its facts come from. */
export interface ReleaseSession {
  ws: Workspace;
  options: ReleaseOptions;
  config: Config;
  manifest: Model;
  environment: EnvironmentConfig;
  target: ReleaseTarget;
  releaser: Releaser;
  facts: FactSource;
  /** The GitHub API, unless the facts come from a file. */
  github: GitHubContext | undefined;
  /** How the record is attested (modelgate.yaml spec.attest, the key, the OIDC token). */
  attest: AttestSetup;
}

/**
 * Runs release (or --unassign / --deregister): plan, then apply (or, with dryRun, report the plan). Throws
 * CheckFailed (exit 1) on a refusal, UserError (exit 2) on a usage or configuration error.
 */
export async function runRelease(ws: Workspace, opts: ReleaseOptions): Promise<ReleaseResult> {
  const session = await openRelease(ws, opts);
  const plan = await planRelease(session);
  return opts.dryRun ? previewRelease(plan) : applyRelease(session, plan);
}

/** Names the version and environment, settles who releases, and opens the facts source and the GitOps target. */
export async function openRelease(ws: Workspace, opts: ReleaseOptions): Promise<ReleaseSession> {
  const subject = releaseSubject(opts);
  const repo = ws.repo;
  const config = repo.config;
  const manifest = findModel(repo, subject.model).value;
  const environment = releaseEnvironment(config, opts.environment, repo.configFile?.file);
  if (opts.facts) refuseFactsInActions(ws.env, "release");
  const fromFile = opts.facts ? readReleaseFacts(resolve(ws.io.cwd, opts.facts)) : undefined;
  const releaser = whoReleases(ws.env, { actor: opts.actor, runId: opts.runId }, fromFile);
  const github = fromFile ? undefined : resolveContext(ws.env, { repo: opts.repo, token: opts.token, http: opts.http });
  const facts = fromFile ? fileFacts(fromFile) : apiFacts(github as GitHubContext);
  // The caller's environment reaches git (ws.git): in Actions it carries the push credentials (GIT_CONFIG_*).
  if (!(await isRepository(ws.git))) {
    throw new UserError(`${ws.root} is not in a git repository; release works on a clone of the model repository`);
  }
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? (await defaultBranch(ws.git, remote));
  const target = releaseTarget(config, subject, environment.name, { remote, branch });
  // Every mode writes a record to attest (release, rollback, deregister, unassign); decided before anything is written.
  const attest: AttestSetup = attestSetup({
    configured: config.spec.attest,
    env: ws.env,
    keyFile: opts.signingKey ? resolve(ws.io.cwd, opts.signingKey) : undefined,
    statementsDir: opts.statementsDir ? resolve(ws.io.cwd, opts.statementsDir) : undefined,
    warn: (line) => opts.log?.(`warning: ${line}`),
    configFile: repo.configFile?.file,
  });
  return { ws, options: opts, config, manifest, environment, target, releaser, facts, github, attest };
}

function refuse(r: Refusal): never {
  throw new CheckFailed(r.message);
}

function checked<T extends object>(x: T | Refusal): T {
  if (isRefusal(x)) return refuse(x);
  return x;
}

/** RFC 3339, UTC, to the second. */
const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Decides what the release will write, from the remote as it is now and the facts; writes nothing. */
export async function planRelease(s: ReleaseSession): Promise<ReleasePlan> {
  const mode = s.options.mode ?? "release";
  return mode === "release" ? planPromotion(s) : planRegistryTag(s, mode);
}

async function planPromotion(s: ReleaseSession): Promise<ReleasePlan> {
  const { target: t, ws } = s;
  const git = ws.git;
  const dryRun = Boolean(s.options.dryRun);
  const name = versionTag(t.model, t.version);

  // 1. The registry and the ledger, as the remote holds them now.
  const tags = await remoteTags(git, t.remote);
  const tip = await fetchTip(git, t.remote, t.branch);
  if (!tip) throw new UserError(`the GitOps branch ${t.branch} does not exist on ${t.remote}; publish a version first`);
  const view = await readView(git, t, tip, tags, name);
  // The tag object is fetched only once the remote's tag list holds the version (locateVersion).
  const located = checked(locateVersion(t, view));
  const object = await fetchTagObject(git, t.remote, name);
  const decision = checked(decideRelease(t, located, object, view.overlayText, s.releaser.runId));
  if (decision.kind === "unchanged") return alreadyThere(t, resultBase(t, dryRun, located), decision.current);

  // 2. Who releases, the signature, the environment's approval.
  const { via } = await checkPeople(s);
  const signature = isSignedTag(object.text ?? "") ? await s.facts.verification(located.tag) : undefined;
  const runId = s.releaser.runId;
  const reviews = runId !== undefined ? await s.facts.reviews(runId) : [];
  const { approvals } = checked(
    checkEnvironmentApproval(
      {
        model: t.model,
        tag: name,
        environment: t.environment,
        githubEnvironment: s.environment.githubEnvironment ?? t.environment,
        required: s.environment.requiresApproval,
        runId,
        readAt: stamp(ws.now()),
      },
      reviews,
    ),
  );
  const approvalSource: ApprovalSourceRecord = s.github
    ? { from: "github", api: s.github.apiUrl, run: s.github.runUrl ?? null }
    : { from: "facts-file" };
  const attest = buildFacts(s.attest);
  const facts = {
    releaser: s.releaser,
    via,
    tagger: taggerOf(object.text ?? ""),
    signature,
    approvals,
    approvalSource,
    ...(attest ? { attest } : {}),
  };
  return promotionPlan({
    target: t,
    environment: s.environment,
    manifest: s.manifest,
    view,
    located,
    decision,
    facts,
    at: stamp(ws.now()),
    dryRun,
  });
}

async function planRegistryTag(s: ReleaseSession, mode: "unassign" | "deregister"): Promise<ReleasePlan> {
  const { target: t, ws } = s;
  const tip = await fetchTip(ws.git, t.remote, t.branch);
  const base = resultBase(t, Boolean(s.options.dryRun));
  const basis = {
    target: t,
    mode,
    ledgerText: tip ? ((await ws.git.show(tip, t.ledgerPath)) ?? "") : "",
    environments: s.config.spec.environments.map((e) => e.name),
    actor: s.releaser.actor,
  };
  const attest = buildFacts(s.attest);
  const step = checked(
    registryChangeOnTip(basis, await remoteTags(ws.git, t.remote), {
      triggeredBy: s.releaser.triggeredBy,
      at: stamp(ws.now()),
      ...(attest ? { attest } : {}),
    }),
  );
  if ("note" in step) return { kind: "nothing", result: { ...base, summary: step.note } };
  const { via } = await checkPeople(s);
  return { kind: "registry-tag", basis, tag: step.tag, change: step.change, via, base };
}

/** The releaser (and whoever re-ran the run) must be allowed to release: asks the facts source only what it needs. */
async function checkPeople(s: ReleaseSession): Promise<{ via: string }> {
  const { actor, triggeredBy } = s.releaser;
  const { model } = s.target;
  const tag = versionTag(model, s.target.version);
  const releasers = s.config.spec.releasers;
  const teams: Record<string, string[]> = {};
  const permission = await s.facts.permission(actor);
  for (const team of teamsNeeded(actor, releasers)) teams[team] = await s.facts.teamMembers(team);
  const r = checked(checkReleaser(model, tag, actor, releasers, { permission, teams }));
  if (triggeredBy.toLowerCase() !== actor.toLowerCase()) {
    // A re-run is a new decision to release: whoever re-ran it must be allowed too.
    const p2 = await s.facts.permission(triggeredBy);
    for (const team of teamsNeeded(triggeredBy, releasers)) teams[team] ??= await s.facts.teamMembers(team);
    const r2 = checkReleaser(model, tag, triggeredBy, releasers, { permission: p2, teams });
    if (isRefusal(r2)) refuse({ ...r2, message: `${r2.message} (re-run of a run by ${actor})` });
  }
  return r;
}

/** Writes what the plan says: the promotion commit and stage tag (or its pull request), or the registry tag. */
export async function applyRelease(s: ReleaseSession, plan: ReleasePlan): Promise<ReleaseResult> {
  if (plan.kind === "nothing") return plan.result;
  if (plan.kind === "registry-tag") return applyRegistryTag(s, plan);
  return plan.write.to === "pull-request" ? proposeByPullRequest(s, plan, plan.write) : pushPromotion(s, plan);
}

function writerOptions(s: ReleaseSession): WriterOptions {
  const o = s.options;
  return {
    identity: s.config.spec.identity,
    log: o.log ?? (() => {}),
    ...(o.maxAttempts ? { maxAttempts: o.maxAttempts } : {}),
    ...(o.backoffMs !== undefined ? { backoffMs: o.backoffMs } : {}),
  };
}

/** The writer's compute: the plan again on each tip it lands on (what it landed is kept in `last`). */
function onTip(s: ReleaseSession, plan: PromotionPlan) {
  const t = plan.target;
  const state: { last?: Extract<TipStep, { change: unknown }>; unchanged?: string; signed: Record<string, string> } = {
    signed: {},
  };
  const compute = async (tip: Tip) => {
    const tags = await remoteTags(s.ws.git, t.remote);
    const view = await readView(s.ws.git, t, tip.commit, tags, plan.located.tag.name);
    const step = checked(promotionOnTip(plan, view, stamp(s.ws.now())));
    if ("unchanged" in step) {
      state.unchanged = step.unchanged;
      return undefined;
    }
    state.last = step;
    // With a key, the bundles go into the commit that appends the record.
    const signer = s.attest.signer;
    state.signed = signer ? await signedFiles(signer, t.ledgerPath, step.change.statements) : {};
    return { ...step.commit, files: { ...step.commit.files, ...state.signed } };
  };
  return { compute, state };
}

async function pushPromotion(s: ReleaseSession, plan: PromotionPlan): Promise<ReleaseResult> {
  const t = plan.target;
  const { compute, state } = onTip(s, plan);
  const written = await writeAndPush(s.ws.git, { remote: t.remote, branch: t.branch }, compute, writerOptions(s));
  const done = state.last;
  if (!written || !done) {
    return {
      ...plan.base,
      outcome: "unchanged",
      summary: `${t.model} ${t.version} was released to ${t.environment} by another run meanwhile (${state.unchanged}): nothing to do`,
    };
  }
  const verb = done.action === "rollback" ? "rolled back" : "released";
  const attestations = await attestationsOf(s, done.change, state.signed, true);
  return {
    ...describePromotion(plan, done.change, done.action),
    ...(attestations ? { attestations } : {}),
    outcome: done.action === "rollback" ? "rolled-back" : "released",
    commit: written.commit,
    attempts: written.attempts,
    summary: `${t.model} ${t.version} ${verb} to ${t.environment}: ${done.change.stageTag} on ${plan.located.tag.commit.slice(0, 7)}, overlay commit ${written.commit.slice(0, 7)} on ${t.branch}`,
  };
}

/** `promotion: pull-request`: the release commit goes on its own branch, and a pull request proposes it. */
async function proposeByPullRequest(
  s: ReleaseSession,
  plan: PromotionPlan,
  pr: Extract<PromotionPlan["write"], { to: "pull-request" }>,
): Promise<ReleaseResult> {
  const t = plan.target;
  const git = s.ws.git;
  const { head } = pr;
  const base = plan.base;
  const open = async (): Promise<ReleaseResult["pullRequest"]> =>
    s.github ? ensurePullRequest(s.github, { head, base: pr.base, title: pr.title, body: pr.body }) : undefined;
  if (await remoteBranchExists(git, t.remote, head)) {
    const opened = await open();
    return {
      ...base,
      outcome: "unchanged",
      branch: head,
      ...(opened ? { pullRequest: opened } : {}),
      summary: `${t.model} ${t.version} is already proposed for ${t.environment} on branch ${head}${opened ? ` (pull request #${opened.number})` : ""}: nothing new to do`,
    };
  }
  const tip = await fetchTip(git, t.remote, t.branch);
  await pushBranch(git, t.remote, tip as string, head);
  const { compute, state } = onTip(s, plan);
  let written: Awaited<ReturnType<typeof writeAndPush>>;
  try {
    written = await writeAndPush(git, { remote: t.remote, branch: head }, compute, writerOptions(s));
  } catch (err) {
    await deleteRemoteBranch(git, t.remote, head);
    throw err;
  }
  const done = state.last;
  if (!written || !done) {
    await deleteRemoteBranch(git, t.remote, head);
    return { ...base, outcome: "unchanged", summary: `${t.model} ${t.version} already runs in ${t.environment}` };
  }
  const opened = await open();
  const attestations = await attestationsOf(s, done.change, state.signed, false);
  return {
    ...base,
    ...(attestations ? { attestations } : {}),
    action: done.action,
    outcome: "proposed",
    branch: head,
    commit: written.commit,
    attempts: written.attempts,
    stageTag: done.change.stageTag,
    record: done.change.record,
    recordDigest: done.change.digest,
    supersedes: done.change.record.release?.supersedes ?? null,
    environmentApprovals: done.change.record.release?.environmentApprovals,
    ...(opened ? { pullRequest: opened } : {}),
    summary: `${t.model} ${t.version} proposed for ${t.environment} on branch ${head}${opened ? `: pull request #${opened.number}` : `: open a pull request from ${head} into ${t.branch}`} (${done.change.stageTag} on ${done.change.record.source.slice(0, 7)})`,
  };
}

/**
 * The record's attestations once its commit is pushed: the bundles signed with the key, attached to the image (not
 * for a proposal, which releases nothing yet); or the Statements written for the workflow's actions/attest step.
 */
async function attestationsOf(
  s: ReleaseSession,
  change: Pick<ReleaseChange, "record" | "statements">,
  signed: Record<string, string>,
  attach: boolean,
): Promise<AttestationsResult | undefined> {
  if (change.statements.length === 0) return undefined;
  if (s.attest.by === "workflow" && !attach) {
    // a proposal's record is on its own branch until merged: `attest store` files bundles of the GitOps branch only
    s.options.log?.(
      "warning: the proposal's Statement is not signed here; sign its record after the merge, or release with a signing key",
    );
    return undefined;
  }
  if (s.attest.by === "workflow" && s.attest.statementsDir) {
    return {
      by: "workflow",
      statements: writePendingStatements(s.attest.statementsDir, change.record, change.statements),
    };
  }
  const bundles = signedResult(s.target.ledgerPath, change.statements, signed);
  if (attach) {
    const image = change.record.image;
    await attachBundles(image.reference, image.digest, bundles, {
      env: s.ws.env,
      layoutDir: join(s.ws.root, ".modelgate", "images"),
      localRepository: LOCAL_REPOSITORY,
      log: s.options.log ?? (() => {}),
      at: change.record.at,
    });
  }
  return { by: "key", statements: bundles.map(({ text: _, ...b }) => b) };
}

/**
 * --unassign and --deregister: the registry tag and the commit that appends its record, pushed together, both
 * re-decided on the remote's tip and tags of each attempt.
 */
async function applyRegistryTag(s: ReleaseSession, plan: RegistryTagPlan): Promise<ReleaseResult> {
  const { target: t, mode } = plan.basis;
  let note = "";
  let done: RegistryChange | undefined;
  let signed: Record<string, string> = {};
  const attest = buildFacts(s.attest);
  const compute = async (tip: Tip) => {
    const ledgerText = (await tip.read(t.ledgerPath)) ?? "";
    const step = checked(
      registryChangeOnTip({ ...plan.basis, ledgerText }, await remoteTags(s.ws.git, t.remote), {
        triggeredBy: s.releaser.triggeredBy,
        at: stamp(s.ws.now()),
        ...(attest ? { attest } : {}),
      }),
    );
    if ("note" in step) {
      note = step.note;
      return undefined;
    }
    done = step.change;
    // With a key, the bundle goes into the commit that appends the record.
    const signer = s.attest.signer;
    signed = signer ? await signedFiles(signer, t.ledgerPath, step.change.statements) : {};
    return { files: { ...step.change.files, ...signed }, message: step.change.message, tags: [step.tag] };
  };
  const written = await writeAndPush(s.ws.git, { remote: t.remote, branch: t.branch }, compute, writerOptions(s));
  if (!written || !done) return { ...plan.base, summary: note };
  const made = done.tag;
  const attestations = await attestationsOf(s, done, signed, true);
  return {
    ...plan.base,
    ...(attestations ? { attestations } : {}),
    outcome: mode === "deregister" ? "deregistered" : "unassigned",
    registryTag: made.name,
    commit: written.commit,
    attempts: written.attempts,
    record: done.record,
    recordDigest: done.digest,
    recordPath: t.ledgerPath,
    releaser: { login: plan.basis.actor, via: plan.via },
    summary: `${made.name} pushed on ${made.target.slice(0, 7)}, recorded by commit ${written.commit.slice(0, 7)} on ${t.branch}: ${mode === "deregister" ? `${t.model} ${t.version} can never be released again` : `${t.environment} unassigned from ${t.model} ${t.version}`}`,
  };
}
