import type { Permission } from "../vocabulary.ts";
import { resolve } from "node:path";
import type { Command } from "./command.ts";
import { deployPaths } from "../deploy/render.ts";
import { CheckFailed, EXIT_OK, UserError } from "../errors.ts";
import { type Git, openGit } from "../git/index.ts";
import {
  collaboratorPermission,
  ensurePullRequest,
  environmentReviews,
  type GitHubContext,
  resolveContext,
  tagVerification,
  teamMembers,
  writeJobSummary,
} from "../github/index.ts";
import { currentIn, promotionsPath } from "../ledger/ledger.ts";
import { deregisterTag, nextStageNumber, parseTag, parseVersionArg, unassignTag, versionTag } from "../ledger/tags.ts";
import { defaultBranch, writeAndPush } from "../ledger/writer.ts";
import { findModel, loadRepository } from "../manifest/repo.ts";
import type { Config, Model } from "../manifest/schema.ts";
import type { EnvironmentApproval, PromotionRecord } from "../records/promotion.ts";
import { escapeMd } from "../report/escape.ts";
import { type ReleaseFacts as ChangeFacts, type ReleaseChange, releaseChange } from "../release/change.ts";
import {
  decide,
  isRefusal,
  isSignedTag,
  type Located,
  locateVersion,
  type Refusal,
  type ReleaseTarget,
  readLedger,
  type RemoteTag,
  taggerOf,
} from "../release/checks.ts";
import { type ReleaseFacts, readReleaseFacts } from "../release/facts.ts";
import { checkEnvironmentApproval, checkReleaser, type EnvironmentReview, teamsNeeded } from "../release/people.ts";
import { fetchTagObject, fetchTip, pushRegistryTag, readView, remoteTags } from "../release/remote.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";

/**
 * `modelgate release`: a release manager's annotated tag `<model>@vX.Y.Z` promotes the image that publish built for
 * that version into an environment's overlay (production by default), with a promotion record chained in the
 * model's ledger and the GTO stage tag `<model>#<env>#N` on the version's commit, all pushed atomically. Every check
 * runs before anything is written, and again on the branch tip the write lands on.
 */

export type ReleaseMode = "release" | "unassign" | "deregister";

export interface ReleaseOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
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
  /** Decide from this facts file instead of GitHub. */
  facts?: string;
  token?: string;
  dryRun?: boolean;
  http?: GitHubContext["http"];
  /** Clock (tests). */
  now?: () => Date;
  log?: (line: string) => void;
  maxAttempts?: number;
  backoffMs?: number;
}

export type Outcome = "released" | "rolled-back" | "proposed" | "unchanged" | "planned" | "unassigned" | "deregistered";

export interface ReleaseResult {
  model: string;
  version: string;
  tag: string;
  environment: string;
  outcome: Outcome;
  /** One sentence for people. */
  summary: string;
  dryRun: boolean;
  action?: "release" | "rollback";
  stageTag?: string;
  /** The tag made by --unassign or --deregister. */
  registryTag?: string;
  commit?: string;
  branch?: string;
  image?: { reference: string; digest: string };
  supersedes?: { version: string; image: string } | null;
  record?: PromotionRecord;
  recordDigest?: string;
  recordPath?: string;
  overlayPath?: string;
  releaser?: { login: string; via: string };
  environmentApprovals?: EnvironmentApproval[];
  signature?: { verified: boolean; reason: string };
  pullRequest?: { number: number; url: string; created: boolean };
  attempts?: number;
}

/** Where GitHub facts come from: the API, or a facts file. */
interface FactSource {
  permission(login: string): Promise<Permission>;
  teamMembers(team: string): Promise<string[]>;
  reviews(runId: number): Promise<EnvironmentReview[]>;
  verification(tag: RemoteTag): Promise<{ verified: boolean; reason: string } | undefined>;
}

function apiFacts(ctx: GitHubContext): FactSource {
  return {
    permission: (login) => collaboratorPermission(ctx, login),
    teamMembers: (team) => teamMembers(ctx, team),
    reviews: (runId) => environmentReviews(ctx, runId),
    verification: (tag) => tagVerification(ctx, tag.oid),
  };
}

function fileFacts(f: ReleaseFacts): FactSource {
  return {
    permission: async (login) =>
      Object.entries(f.permissions).find(([k]) => k.toLowerCase() === login.toLowerCase())?.[1] ?? "none",
    teamMembers: async (team) =>
      Object.entries(f.teams).find(([k]) => k.toLowerCase() === team.toLowerCase())?.[1] ?? [],
    reviews: async () => f.approvals,
    verification: async (tag) =>
      f.tags[tag.name] ?? { verified: false, reason: "no verification given in the facts file" },
  };
}

/** The environment release promotes to when none is named: production, else the last one configured. */
export function defaultEnvironment(config: Config): string {
  const envs = config.spec.environments;
  return (envs.find((e) => e.name === "production") ?? envs.at(-1))?.name ?? "production";
}

function what(opts: ReleaseOptions): { model: string; version: string } {
  if (opts.tag) {
    const p = parseTag(opts.tag);
    if (p?.kind !== "version" || p.deregistered) {
      throw new UserError(
        `"${opts.tag}" is not a version tag: a release tag is <model>@vX.Y.Z (GTO's grammar), e.g. fraud-detector@v1.4.0`,
      );
    }
    if (opts.model && opts.model !== p.name) {
      throw new UserError(`--model ${opts.model} differs from the tag ${opts.tag}; give one or the other`);
    }
    if (opts.version && parseVersionArg(opts.version)?.version !== p.version) {
      throw new UserError(`--version ${opts.version} differs from the tag ${opts.tag}; give one or the other`);
    }
    return { model: p.name, version: p.version };
  }
  if (!opts.model || !opts.version) {
    throw new UserError(
      "name what to release: a tag (modelgate release fraud-detector@v1.4.0) or --model and --version",
    );
  }
  const v = parseVersionArg(opts.version);
  if (!v || (v.name && v.name !== opts.model)) {
    throw new UserError(`--version expects X.Y.Z (semantic versioning), got "${opts.version}"`);
  }
  return { model: opts.model, version: v.version };
}

interface Setup {
  config: Config;
  manifest: Model;
  git: Git;
  t: ReleaseTarget;
  tagName: string;
  env: Config["spec"]["environments"][number];
  actor: string;
  triggeredBy: string;
  runId: number | undefined;
  facts: FactSource;
  ctx: GitHubContext | undefined;
}

async function setup(opts: ReleaseOptions): Promise<Setup> {
  const { model, version } = what(opts);
  const repo = loadRepository(opts.cwd);
  const config = repo.config;
  const manifest = findModel(repo, model).value;
  const envName = opts.environment ?? defaultEnvironment(config);
  const env = config.spec.environments.find((e) => e.name === envName);
  if (!env) {
    throw new UserError(
      `no environment "${envName}" in modelgate.yaml (environments: ${config.spec.environments.map((e) => e.name).join(", ")})`,
      repo.configFile ? { file: repo.configFile.file } : undefined,
    );
  }
  const publishEnv = config.spec.environments[0].name;

  // Who releases: in Actions, the actor GitHub authenticated; elsewhere, --actor (or the facts file) as given.
  const inActions = opts.env.GITHUB_ACTIONS === "true";
  const fromFile = opts.facts ? readReleaseFacts(resolve(opts.cwd, opts.facts)) : undefined;
  let actor: string | undefined;
  let runId: number | undefined;
  if (inActions) {
    actor = opts.env.GITHUB_ACTOR;
    if (opts.actor && actor && opts.actor.toLowerCase() !== actor.toLowerCase()) {
      throw new UserError(
        `--actor ${opts.actor} differs from GITHUB_ACTOR ${actor}: inside Actions the releaser is the actor GitHub authenticated`,
      );
    }
    const run = opts.env.GITHUB_RUN_ID;
    if (opts.runId !== undefined && String(opts.runId) !== run) {
      throw new UserError(
        `--run-id ${opts.runId} differs from this run (GITHUB_RUN_ID ${run}): a release uses its own run's approval`,
      );
    }
    runId = run ? Number(run) : undefined;
  } else {
    actor = opts.actor ?? fromFile?.actor ?? opts.env.GITHUB_ACTOR;
    const run = opts.runId ?? fromFile?.runId;
    if (run !== undefined && run !== "") {
      runId = Number(run);
      if (!Number.isInteger(runId) || runId <= 0) throw new UserError(`--run-id expects a number, got "${run}"`);
    }
  }
  if (!actor) {
    throw new UserError("who is releasing? pass --actor LOGIN (inside Actions, GITHUB_ACTOR says it)");
  }
  const triggeredBy = (inActions && opts.env.GITHUB_TRIGGERING_ACTOR) || actor;

  let ctx: GitHubContext | undefined;
  if (!fromFile) ctx = resolveContext(opts.env, { repo: opts.repo, token: opts.token, http: opts.http });
  const facts = fromFile ? fileFacts(fromFile) : apiFacts(ctx as GitHubContext);

  // The caller's environment reaches git: in Actions it carries the push credentials (GIT_CONFIG_*).
  const git = openGit(repo.root, { identity: config.spec.identity, env: opts.env });
  if ((await git.tryRun(["rev-parse", "--git-dir"])) === undefined) {
    throw new UserError(`${repo.root} is not in a git repository; release works on a clone of the model repository`);
  }
  const gitops = config.spec.gitops;
  const remote = gitops.remote ?? "origin";
  const branch = gitops.branch ?? (await defaultBranch(git, remote));
  const paths = deployPaths(config.spec.paths.deploy, model);
  const t: ReleaseTarget = {
    model,
    version,
    environment: env.name,
    publishEnvironment: publishEnv,
    remote,
    branch,
    ledgerPath: promotionsPath(config.spec.paths.records, model),
    overlayPath: paths.overlay(env.name),
    publishOverlayPath: paths.overlay(publishEnv),
  };
  return {
    config,
    manifest,
    git,
    t,
    tagName: versionTag(model, version),
    env,
    actor,
    triggeredBy,
    runId,
    facts,
    ctx,
  };
}

function refuse(r: Refusal): never {
  throw new CheckFailed(r.message);
}

async function checkPeople(s: Setup): Promise<{ via: string }> {
  const releasers = s.config.spec.releasers;
  const teams: Record<string, string[]> = {};
  const permission = await s.facts.permission(s.actor);
  for (const team of teamsNeeded(s.actor, releasers)) teams[team] = await s.facts.teamMembers(team);
  const r = checkReleaser(s.t.model, s.tagName, s.actor, releasers, { permission, teams });
  if (isRefusal(r)) return refuse(r);
  if (s.triggeredBy.toLowerCase() !== s.actor.toLowerCase()) {
    // A re-run is a new decision to release: whoever re-ran it must be allowed too.
    const p2 = await s.facts.permission(s.triggeredBy);
    for (const team of teamsNeeded(s.triggeredBy, releasers)) teams[team] ??= await s.facts.teamMembers(team);
    const r2 = checkReleaser(s.t.model, s.tagName, s.triggeredBy, releasers, { permission: p2, teams });
    if (isRefusal(r2)) refuse({ ...r2, message: `${r2.message} (re-run of a run by ${s.actor})` });
  }
  return r;
}

function located(x: Located | Refusal): Located {
  if (isRefusal(x)) return refuse(x);
  return x;
}

/** Runs release (or --unassign / --deregister). Throws CheckFailed (exit 1) on a refusal, UserError (exit 2). */
export async function runRelease(opts: ReleaseOptions): Promise<ReleaseResult> {
  const s = await setup(opts);
  const mode = opts.mode ?? "release";
  if (mode !== "release") return registryOperation(s, mode, opts);
  const { t, git } = s;
  const now = () => (opts.now ? opts.now() : new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const log = opts.log ?? (() => {});

  // 1. The registry and the ledger, as the remote holds them now.
  const tags = await remoteTags(git, t.remote);
  const tip = await fetchTip(git, t.remote, t.branch);
  if (!tip) throw new UserError(`the GitOps branch ${t.branch} does not exist on ${t.remote}; publish a version first`);
  const view = await readView(git, t, tip, tags, s.tagName);
  const loc = located(locateVersion(t, view));
  const object = await fetchTagObject(git, t.remote, s.tagName);
  if (object.type !== "tag" || object.oid !== loc.tag.oid) {
    refuse({
      check: "lightweight",
      message: `${t.model}: ${s.tagName} is a ${object.type || "missing"} object per \`git cat-file -t\`, not an annotated tag; tag the version with \`git tag -a\``,
    });
  }
  const decision = decide(t, loc, view.overlayText, s.runId);
  if (isRefusal(decision)) return refuse(decision);
  const base: ReleaseResult = {
    model: t.model,
    version: t.version,
    tag: s.tagName,
    environment: t.environment,
    outcome: "unchanged",
    summary: "",
    dryRun: Boolean(opts.dryRun),
    image: { reference: loc.image.reference, digest: loc.image.digest },
    recordPath: t.ledgerPath,
    overlayPath: t.overlayPath,
    branch: t.branch,
  };
  if (decision.kind === "unchanged") {
    const c = decision.current.record;
    return {
      ...base,
      outcome: "unchanged",
      stageTag: c.stageTag,
      recordDigest: decision.current.digest,
      summary: `${t.model} ${t.version} already runs in ${t.environment} (record #${c.sequence}, ${c.stageTag}): nothing to do`,
    };
  }
  const promote = decision;

  // 2. Who releases, the signature, the environment's approval.
  const releaser = await checkPeople(s);
  const signature = isSignedTag(object.text ?? "") ? await s.facts.verification(loc.tag) : undefined;
  const reviews = s.runId !== undefined ? await s.facts.reviews(s.runId) : [];
  const approval = checkEnvironmentApproval(
    {
      model: t.model,
      tag: s.tagName,
      environment: t.environment,
      githubEnvironment: s.env.githubEnvironment ?? t.environment,
      required: s.env.requiresApproval,
      runId: s.runId,
      readAt: now(),
    },
    reviews,
  );
  if (isRefusal(approval)) return refuse(approval);
  const approvals = approval.approvals;

  const factsFor = (d: typeof promote, tagNames: Iterable<string>): ChangeFacts => ({
    action: d.action,
    supersedes: d.supersedes,
    stageNumber: nextStageNumber(tagNames, t.model, t.environment),
    actor: s.actor,
    triggeredBy: s.triggeredBy,
    tagger: taggerOf(object.text ?? ""),
    signature,
    approvals,
    runId: s.runId,
    at: now(),
  });
  const planned = releaseChange(t, loc, s.manifest, view.ledgerText, factsFor(promote, tags.keys()));
  const described = (c: ReleaseChange, d: typeof promote): ReleaseResult => ({
    ...base,
    action: d.action,
    stageTag: c.stageTag,
    record: c.record,
    recordDigest: c.digest,
    supersedes: c.record.release?.supersedes ?? null,
    releaser: { login: s.actor, via: releaser.via },
    environmentApprovals: approvals,
    ...(signature ? { signature } : {}),
  });
  if (opts.dryRun) {
    return {
      ...described(planned, promote),
      outcome: "planned",
      summary: `dry run: would ${promote.action === "rollback" ? "roll back" : "release"} ${t.model} to ${t.version} in ${t.environment} (${planned.stageTag} on ${loc.tag.commit.slice(0, 7)}); nothing was written`,
    };
  }

  // 3. Write: the same checks on the tip each attempt lands on.
  let last: { change: ReleaseChange; decision: typeof promote } | undefined;
  let unchangedMeanwhile: string | undefined;
  const compute = async (tipNow: { commit: string | undefined }) => {
    const tagsNow = await remoteTags(git, t.remote);
    const viewNow = await readView(git, t, tipNow.commit, tagsNow, s.tagName);
    const locNow = located(locateVersion(t, viewNow));
    if (locNow.tag.oid !== loc.tag.oid) {
      refuse({
        check: "moved",
        message: `${t.model}: ${s.tagName} moved while it was being released (${loc.tag.oid} → ${locNow.tag.oid}); nothing was released`,
      });
    }
    const d = decide(t, locNow, viewNow.overlayText, s.runId);
    if (isRefusal(d)) return refuse(d);
    if (d.kind === "unchanged") {
      unchangedMeanwhile = d.current.record.stageTag;
      return undefined;
    }
    const change = releaseChange(t, locNow, s.manifest, viewNow.ledgerText, factsFor(d, tagsNow.keys()));
    last = { change, decision: d };
    return {
      files: change.files,
      message: change.message,
      tags: [{ name: change.stageTag, target: locNow.tag.commit, message: change.tagMessage }],
    };
  };
  const writer = {
    identity: s.config.spec.identity,
    log,
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
  };

  if (s.env.promotion === "pull-request") return proposeByPullRequest(s, compute, writer, () => last, base);

  const written = await writeAndPush(git, { remote: t.remote, branch: t.branch }, compute, writer);
  if (!written || !last) {
    return {
      ...base,
      outcome: "unchanged",
      summary: `${t.model} ${t.version} was released to ${t.environment} by another run meanwhile (${unchangedMeanwhile}): nothing to do`,
    };
  }
  const done = last as { change: ReleaseChange; decision: typeof promote };
  const verb = done.decision.action === "rollback" ? "rolled back" : "released";
  return {
    ...described(done.change, done.decision),
    outcome: done.decision.action === "rollback" ? "rolled-back" : "released",
    commit: written.commit,
    attempts: written.attempts,
    summary: `${t.model} ${t.version} ${verb} to ${t.environment}: ${done.change.stageTag} on ${loc.tag.commit.slice(0, 7)}, overlay commit ${written.commit.slice(0, 7)} on ${t.branch}`,
  };
}

/** `promotion: pull-request`: the release commit goes on its own branch, and a pull request proposes it. */
async function proposeByPullRequest(
  s: Setup,
  compute: Parameters<typeof writeAndPush>[2],
  writer: Parameters<typeof writeAndPush>[3],
  last: () => { change: ReleaseChange; decision: { action: "release" | "rollback" } } | undefined,
  base: ReleaseResult,
): Promise<ReleaseResult> {
  const { t, git } = s;
  const head = `modelgate/release/${t.model}/${t.environment}/v${t.version}`;
  const title = `Release ${t.model} ${t.version} to ${t.environment}`;
  const open = async (): Promise<ReleaseResult["pullRequest"]> =>
    s.ctx
      ? ensurePullRequest(s.ctx, {
          head,
          base: t.branch,
          title,
          body: `modelgate proposes ${escapeMd(s.tagName)} for ${escapeMd(t.environment)}: it changes \`${t.overlayPath}\` and appends the promotion record to \`${t.ledgerPath}\`. Merging deploys it.`,
        })
      : undefined;
  const exists = await git.tryRun(["ls-remote", "--exit-code", "--heads", t.remote, head]);
  if (exists) {
    const pr = await open();
    return {
      ...base,
      outcome: "unchanged",
      branch: head,
      ...(pr ? { pullRequest: pr } : {}),
      summary: `${t.model} ${t.version} is already proposed for ${t.environment} on branch ${head}${pr ? ` (pull request #${pr.number})` : ""}: nothing new to do`,
    };
  }
  const tip = await fetchTip(git, t.remote, t.branch);
  await git.run(["push", "--porcelain", t.remote, `${tip}:refs/heads/${head}`]);
  let written: Awaited<ReturnType<typeof writeAndPush>>;
  try {
    written = await writeAndPush(git, { remote: t.remote, branch: head }, compute, writer);
  } catch (err) {
    await git.tryRun(["push", "-q", t.remote, "--delete", head]);
    throw err;
  }
  const done = last();
  if (!written || !done) {
    await git.tryRun(["push", "-q", t.remote, "--delete", head]);
    return { ...base, outcome: "unchanged", summary: `${t.model} ${t.version} already runs in ${t.environment}` };
  }
  const pr = await open();
  return {
    ...base,
    action: done.decision.action,
    outcome: "proposed",
    branch: head,
    commit: written.commit,
    attempts: written.attempts,
    stageTag: done.change.stageTag,
    record: done.change.record,
    recordDigest: done.change.digest,
    supersedes: done.change.record.release?.supersedes ?? null,
    environmentApprovals: done.change.record.release?.environmentApprovals,
    ...(pr ? { pullRequest: pr } : {}),
    summary: `${t.model} ${t.version} proposed for ${t.environment} on branch ${head}${pr ? `: pull request #${pr.number}` : `: open a pull request from ${head} into ${t.branch}`} (${done.change.stageTag} on ${done.change.record.source.slice(0, 7)})`,
  };
}

/** --unassign and --deregister: one GTO registry tag on the version's commit, pushed alone. */
async function registryOperation(
  s: Setup,
  mode: "unassign" | "deregister",
  opts: ReleaseOptions,
): Promise<ReleaseResult> {
  const { t, git } = s;
  const tip = await fetchTip(git, t.remote, t.branch);
  const base: ReleaseResult = {
    model: t.model,
    version: t.version,
    tag: s.tagName,
    environment: t.environment,
    outcome: "unchanged",
    summary: "",
    dryRun: Boolean(opts.dryRun),
  };
  let releaser: { via: string } | undefined;
  let note = "";
  const compute = async (tags: Map<string, RemoteTag>) => {
    const tag = tags.get(s.tagName);
    if (!tag) {
      return refuse({
        check: "tag-missing",
        message: `${t.model}: the version tag ${s.tagName} is not on ${t.remote}; there is no such version to ${mode}`,
      });
    }
    const commit = tag.commit;
    const ledger = readLedger(tip ? ((await git.show(tip, t.ledgerPath)) ?? "") : "", t.ledgerPath, t.model);
    if ("refusal" in ledger) return refuse(ledger.refusal);
    if (mode === "deregister") {
      const name = deregisterTag(t.model, t.version);
      if (tags.has(name)) {
        note = `${t.model} ${t.version} is already deregistered (${name}): nothing to do`;
        return undefined;
      }
      const envs = s.config.spec.environments.slice(1).map((e) => e.name);
      const running = envs.filter((e) => currentIn(ledger.entries, e)?.record.model.version === t.version);
      if (running.length > 0) {
        refuse({
          check: "runs-there",
          message: `${t.model}: ${t.version} runs in ${running.join(", ")}; release or roll back to another version there first, then deregister it`,
        });
      }
      releaser ??= await checkPeople(s);
      return { name, target: commit, message: `Deregister ${t.model} ${t.version} (by ${s.actor})` };
    }
    // unassign: the version's latest stage event for this environment must be an assignment
    const events = [...tags.values()]
      .map((x) => ({ x, p: parseTag(x.name) }))
      .filter(
        ({ x, p }) => p?.kind === "stage" && p.name === t.model && p.stage === t.environment && x.commit === commit,
      )
      .map(({ x, p }) => ({ x, p, n: p?.kind === "stage" ? p.number : 0 }))
      .sort((a, b) => a.n - b.n);
    const latest = events.at(-1);
    if (!latest) {
      return refuse({
        check: "not-published",
        message: `${t.model}: ${t.version} was never assigned to ${t.environment} (no ${t.model}#${t.environment}#N tag on its commit); nothing to unassign`,
      });
    }
    if (latest.p?.kind === "stage" && latest.p.unassigned) {
      note = `${t.model} ${t.version} is already unassigned from ${t.environment} (${latest.x.name}): nothing to do`;
      return undefined;
    }
    if (currentIn(ledger.entries, t.environment)?.record.model.version === t.version) {
      refuse({
        check: "runs-there",
        message: `${t.model}: ${t.version} is what ${t.environment} runs (its overlay pins it); release or roll back to another version first, then unassign it`,
      });
    }
    releaser ??= await checkPeople(s);
    const name = unassignTag(t.model, t.environment, nextStageNumber(tags.keys(), t.model, t.environment));
    return { name, target: commit, message: `Unassign ${t.environment} from ${t.model} ${t.version} (by ${s.actor})` };
  };
  if (opts.dryRun) {
    const spec = await compute(await remoteTags(git, t.remote));
    return spec
      ? {
          ...base,
          outcome: "planned",
          registryTag: spec.name,
          summary: `dry run: would push ${spec.name} on ${spec.target.slice(0, 7)}; nothing was written`,
        }
      : { ...base, summary: note };
  }
  const made = await pushRegistryTag(git, t.remote, s.config.spec.identity, compute, {
    log: opts.log,
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
  });
  if (!made) return { ...base, summary: note };
  return {
    ...base,
    outcome: mode === "deregister" ? "deregistered" : "unassigned",
    registryTag: made.name,
    ...(releaser ? { releaser: { login: s.actor, via: releaser.via } } : {}),
    summary: `${made.name} pushed on ${made.target.slice(0, 7)}: ${mode === "deregister" ? `${t.model} ${t.version} can never be released again` : `${t.environment} unassigned from ${t.model} ${t.version}`}`,
  };
}

/** A value on one line: no control characters, so a record's text cannot start a line (or a workflow command). */
const oneLine = (v: unknown) => String(v).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");

/** The human-readable lines of a result. */
export function formatReleaseResult(r: ReleaseResult): string {
  const lines = [r.summary];
  if (r.image && r.outcome !== "unchanged") lines.push(`  image: ${r.image.reference}`);
  if (r.supersedes) lines.push(`  supersedes: ${r.supersedes.version} (${r.supersedes.image})`);
  if (r.releaser) lines.push(`  releaser: ${r.releaser.login} (${r.releaser.via})`);
  if (r.environmentApprovals?.length) {
    lines.push(`  ${r.environment} approvals: ${r.environmentApprovals.map((a) => `${a.user} ${a.state}`).join(", ")}`);
  }
  if (r.signature)
    lines.push(`  signature: ${r.signature.verified ? "verified" : "not verified"} (${r.signature.reason})`);
  if (r.recordDigest && r.outcome !== "unchanged") lines.push(`  record: ${r.recordDigest} in ${r.recordPath}`);
  if (r.pullRequest) lines.push(`  pull request: #${r.pullRequest.number} ${r.pullRequest.url}`);
  return `${lines.map(oneLine).join("\n")}\n`;
}

/** The job summary: what was released, escaped (approval comments and tag text are untrusted). */
export function releaseMarkdown(r: ReleaseResult): string {
  const rows = [
    ["outcome", r.outcome],
    ["model", r.model],
    ["version", r.version],
    ["environment", r.environment],
    ...(r.stageTag ? [["stage tag", r.stageTag]] : []),
    ...(r.registryTag ? [["registry tag", r.registryTag]] : []),
    ...(r.image ? [["image", r.image.reference]] : []),
    ...(r.supersedes ? [["supersedes", `${r.supersedes.version} (${r.supersedes.image})`]] : []),
    ...(r.releaser ? [["released by", `${r.releaser.login} (${r.releaser.via})`]] : []),
    ...(r.environmentApprovals ?? []).map((a) => [`${a.state} by`, `${a.user}${a.comment ? `: ${a.comment}` : ""}`]),
    ...(r.commit ? [["commit", r.commit]] : []),
    ...(r.pullRequest ? [["pull request", `#${r.pullRequest.number}`]] : []),
  ];
  return `### modelgate release: ${escapeMd(r.model)} ${escapeMd(r.version)}\n\n${escapeMd(r.summary)}\n\n| | |\n|---|---|\n${rows.map(([k, v]) => `| ${escapeMd(k)} | ${escapeMd(v)} |`).join("\n")}\n`;
}

export const command: Command = {
  name: "release",
  summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
  usage: `Usage: modelgate release TAG | --model NAME --version X.Y.Z [--env ENV] [--repo OWNER/NAME] [--run-id ID]
                        [--actor LOGIN] [--facts FILE] [--dry-run] [--json]
       modelgate release --unassign TAG | --model NAME --version X.Y.Z [--env ENV] …
       modelgate release --deregister TAG | --model NAME --version X.Y.Z …

Promotes the image that publish built for a version into deploy/<model>/overlays/<env> (production unless --env
names another), appends a release record to the model's promotion ledger, and assigns the GTO stage tag
<model>#<env>#N (annotated, N = highest + 1) on the version's commit, pushed atomically with the overlay commit
(or, for an environment with promotion: pull-request, on a branch with a pull request). Releasing a version older
than the one the environment runs is a rollback; releasing what it runs changes nothing.

Refused, with nothing written (exit 1): a version tag that is missing on the GitOps remote, lightweight, moved since
a release recorded it, not on the GitOps branch, or not on the commit whose publish record published exactly this
model and version; a deregistered version (<model>@vX.Y.Z! exists); a releaser who is not in modelgate.yaml
spec.releasers (users, or members of its teams) or lacks write permission; an environment with
requiresApproval: true whose workflow run has no approval from the GitHub environment's reviewers; an overlay
edited outside modelgate; a broken ledger.

Options:
  --env ENV           the environment (default: production, else the last one in modelgate.yaml)
  --repo OWNER/NAME   the repository for the GitHub API (default: GITHUB_REPOSITORY)
  --run-id ID         the workflow run whose environment approval counts (inside Actions: GITHUB_RUN_ID)
  --actor LOGIN       who releases (inside Actions: GITHUB_ACTOR, which GitHub authenticates, and no other)
  --facts FILE        decide from a JSON file instead of GitHub: {"actor", "runId", "permissions": {login: level},
                      "teams": {"org/team": [logins]}, "approvals": [{user, state, comment, environments, at?}],
                      "tags": {tag: {verified, reason}}}
  --unassign          push <model>#<env>!#N on the version's commit (GTO); refused for the version the
                      environment runs
  --deregister        push <model>@vX.Y.Z! on the version's commit (GTO): it can never be released again;
                      refused while an environment after the first runs it
  --dry-run           run every check and print what would be written; write nothing
  --json              the result as JSON (outcome, action, stage tag, commit, record and its digest)
  -h, --help          this text

Environment: GITHUB_TOKEN (contents: write is not needed for the API; actions: read for the environment approvals;
teams need a token that can read the organization's members), GITHUB_ACTOR, GITHUB_RUN_ID, GITHUB_API_URL.
Exit codes: 0 released, rolled back, proposed or already there; 1 a check refused it or the remote refused the push;
2 usage or configuration error; 70 internal error (a bug in modelgate; please report it).
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("release", args, {
      model: { type: "string" },
      version: { type: "string" },
      env: { type: "string" },
      repo: { type: "string" },
      "run-id": { type: "string" },
      actor: { type: "string" },
      facts: { type: "string" },
      "dry-run": { type: "boolean" },
      unassign: { type: "boolean" },
      deregister: { type: "boolean" },
    });
    if (positionals.length > 1) throw new UserError(`release takes one tag, got ${positionals.join(" ")}`);
    if (values.unassign && values.deregister) throw new UserError("--unassign and --deregister: give one");
    const result = await runRelease({
      cwd: io.cwd,
      env: io.env,
      tag: positionals[0],
      model: str(values.model),
      version: str(values.version),
      environment: str(values.env),
      repo: str(values.repo),
      runId: str(values["run-id"]),
      actor: str(values.actor),
      facts: str(values.facts),
      dryRun: Boolean(values["dry-run"]),
      mode: values.unassign ? "unassign" : values.deregister ? "deregister" : "release",
      log: (line) => io.err(`${line}\n`),
    });
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(releaseMarkdown(result), io.env);
    io.out(values.json ? toJson(result) : formatReleaseResult(result));
    return EXIT_OK;
  },
};
