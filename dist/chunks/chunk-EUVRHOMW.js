import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readFactsFile,
  refuseFactsInActions
} from "./chunk-IUP2DSUK.js";
import {
  attachBundles
} from "./chunk-VHBUTRJ4.js";
import {
  LOCAL_REPOSITORY,
  attestSetup,
  buildFacts,
  signedFiles,
  signedResult,
  writePendingStatements
} from "./chunk-2VOJHDI4.js";
import {
  alreadyThere,
  decideRelease,
  describePromotion,
  isRefusal,
  isSignedTag,
  locateVersion,
  previewRelease,
  promotionOnTip,
  promotionPlan,
  registryChangeOnTip,
  releaseEnvironment,
  releaseSubject,
  releaseTarget,
  resultBase,
  taggerOf,
  whoReleases
} from "./chunk-RXME2Q4C.js";
import {
  defaultBranch,
  deleteRemoteBranch,
  fetchBranch,
  fetchTag,
  isRepository,
  lsRemoteTags,
  pushBranch,
  remoteBranchExists,
  tagObjectText,
  trackingRef,
  writeAndPush
} from "./chunk-CVJ6LTB3.js";
import {
  blobReader
} from "./chunk-62RWLHT6.js";
import {
  collaboratorPermission,
  ensurePullRequest,
  environmentReviews,
  tagVerification,
  teamMembers
} from "./chunk-NKXRGQC5.js";
import {
  resolveContext
} from "./chunk-BJUODENM.js";
import {
  versionTag
} from "./chunk-NP3OSGPT.js";
import {
  findModel
} from "./chunk-J7CSOYU2.js";
import {
  external_exports
} from "./chunk-S43IQFRZ.js";
import {
  GitError
} from "./chunk-AVCTVMN2.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/release/run.ts
import { join, resolve } from "node:path";

// src/release/facts.ts
var releaseFactsSchema = external_exports.strictObject({
  actor: external_exports.string().min(1).optional().describe("Who pushed the tag or dispatched the run (--actor wins)."),
  runId: external_exports.number().int().positive().optional().describe("The workflow run whose environment reviews these are."),
  permissions: external_exports.record(external_exports.string(), external_exports.enum(["admin", "maintain", "write", "triage", "read", "none"])).default({}).describe("Repository permission per login; a login not listed has none."),
  teams: external_exports.record(external_exports.string(), external_exports.array(external_exports.string())).default({}).describe('Members per "org/team".'),
  approvals: external_exports.array(
    external_exports.strictObject({
      user: external_exports.string().min(1),
      state: external_exports.enum(["approved", "rejected", "pending"]),
      comment: external_exports.string().default(""),
      environments: external_exports.array(external_exports.string()),
      at: external_exports.string().optional()
    })
  ).default([]).describe("The run's environment reviews, as GET actions/runs/{run_id}/approvals lists them."),
  tags: external_exports.record(external_exports.string(), external_exports.strictObject({ verified: external_exports.boolean(), reason: external_exports.string() })).default({}).describe("GitHub's verification of a signed tag's signature, per tag name.")
});
function readReleaseFacts(file) {
  return readFactsFile(file, releaseFactsSchema);
}
function apiFacts(ctx) {
  return {
    permission: (login) => collaboratorPermission(ctx, login),
    teamMembers: (team) => teamMembers(ctx, team),
    reviews: (runId) => environmentReviews(ctx, runId),
    verification: (tag) => tagVerification(ctx, tag.oid)
  };
}
function fileFacts(f) {
  return {
    permission: async (login) => Object.entries(f.permissions).find(([k]) => k.toLowerCase() === login.toLowerCase())?.[1] ?? "none",
    teamMembers: async (team) => Object.entries(f.teams).find(([k]) => k.toLowerCase() === team.toLowerCase())?.[1] ?? [],
    reviews: async () => f.approvals,
    verification: async (tag) => f.tags[tag.name] ?? { verified: false, reason: "no verification given in the facts file" }
  };
}

// src/release/people.ts
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
function teamsNeeded(actor, releasers) {
  return releasers.users.some((u) => same(u, actor)) ? [] : releasers.teams;
}
function checkReleaser(model, tag, actor, releasers, facts) {
  const refuse2 = (why) => ({
    check: "releaser",
    message: `${model}: ${tag} was pushed by ${actor}, who ${why}; nothing was released`
  });
  if (!["admin", "maintain", "write"].includes(facts.permission)) {
    return refuse2(`has ${facts.permission} permission on the repository (a releaser needs write, maintain or admin)`);
  }
  const listed = releasers.users.some((u) => same(u, actor));
  if (/\[bot\]$/i.test(actor) && !listed) {
    return refuse2("is a bot; a bot releases only when modelgate.yaml spec.releasers.users names it");
  }
  if (listed) return { via: "spec.releasers.users" };
  for (const team of releasers.teams) {
    const key = Object.keys(facts.teams).find((k) => same(k, team));
    if (key && facts.teams[key].some((m) => same(m, actor))) return { via: `team ${team}` };
  }
  if (releasers.users.length === 0 && releasers.teams.length === 0) {
    return { via: "write permission (modelgate.yaml spec.releasers names nobody)" };
  }
  const list = [
    releasers.users.length ? `users ${releasers.users.join(", ")}` : "",
    releasers.teams.length ? `teams ${releasers.teams.join(", ")}` : ""
  ].filter(Boolean).join(" and ");
  return refuse2(
    `is not an allowed releaser: modelgate.yaml spec.releasers allows ${list}. Ask one of them to tag, or add ${actor} there`
  );
}
function checkEnvironmentApproval(opts, reviews) {
  const approvals = reviews.filter((r) => r.state !== "pending" && r.environments.some((e) => same(e, opts.githubEnvironment))).map((r) => ({
    user: r.user,
    state: r.state,
    comment: r.comment,
    at: r.at ?? opts.readAt,
    environments: r.environments
  }));
  if (!opts.required) return { approvals };
  const where = `the GitHub environment "${opts.githubEnvironment}"`;
  if (opts.runId === void 0) {
    return {
      check: "approval",
      message: `${opts.model}: ${opts.environment} requires the approval of ${where}'s reviewers (modelgate.yaml requiresApproval: true), and this release is not a workflow run: release from workflows/modelgate-release.yml, whose job declares \`environment: ${opts.githubEnvironment}\`, or pass --run-id of the approved run`
    };
  }
  const rejected = approvals.find((a) => a.state === "rejected");
  if (rejected) {
    return {
      check: "approval",
      message: `${opts.model}: ${rejected.user} rejected the deployment of run ${opts.runId} to ${where}; ${opts.tag} was not released`
    };
  }
  if (!approvals.some((a) => a.state === "approved")) {
    return {
      check: "approval",
      message: `${opts.model}: run ${opts.runId} has no approval from ${where}'s reviewers, and ${opts.environment} requires one (modelgate.yaml requiresApproval: true); add required reviewers to the environment in the repository's settings and let one of them approve the run`
    };
  }
  return { approvals };
}

// src/release/remote.ts
async function remoteTags(git, remote) {
  try {
    return await lsRemoteTags(git, remote);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new CheckFailed(
      `cannot read the tags of ${remote}, the registry release reads: ${err.message.replace(/^git ls-remote [^:]*: /, "")}`
    );
  }
}
async function fetchTip(git, remote, branch) {
  return fetchBranch(git, remote, branch, trackingRef(branch));
}
async function fetchTagObject(git, remote, tag) {
  const oid = await fetchTag(git, remote, tag, "refs/modelgate/release/tag") ?? "";
  const type = await git.objectType(oid) ?? "";
  const text = type === "tag" ? await tagObjectText(git, oid) : void 0;
  return { type, oid, text };
}
async function readView(git, t, tip, tags, versionTagName) {
  const tag = tags.get(versionTagName);
  const read = blobReader(git);
  const atTip = (path) => read(tip, path);
  const atVersion = (path) => read(tag?.commit, path);
  const [ledgerText, overlayText, onBranch, versionLedgerText, versionOverlayText] = await Promise.all([
    atTip(t.ledgerPath).then((text) => tip ? text ?? "" : ""),
    atTip(t.overlayPath),
    tag && tip ? tag.commit === tip || git.isAncestor(tag.commit, tip) : false,
    atVersion(t.ledgerPath),
    atVersion(t.publishOverlayPath)
  ]);
  return {
    tags,
    ledgerText,
    overlayText,
    onBranch,
    versionLedgerText: tag && onBranch ? versionLedgerText : void 0,
    versionOverlayText: tag && onBranch ? versionOverlayText : void 0
  };
}

// src/release/run.ts
async function runRelease(ws, opts) {
  const session = await openRelease(ws, opts);
  const plan = await planRelease(session);
  return opts.dryRun ? previewRelease(plan) : applyRelease(session, plan);
}
async function openRelease(ws, opts) {
  const subject = releaseSubject(opts);
  const repo = ws.repo;
  const config = repo.config;
  const manifest = findModel(repo, subject.model).value;
  const environment = releaseEnvironment(config, opts.environment, repo.configFile?.file);
  if (opts.facts) refuseFactsInActions(ws.env, "release");
  const fromFile = opts.facts ? readReleaseFacts(resolve(ws.io.cwd, opts.facts)) : void 0;
  const releaser = whoReleases(ws.env, { actor: opts.actor, runId: opts.runId }, fromFile);
  const github = fromFile ? void 0 : resolveContext(ws.env, { repo: opts.repo, token: opts.token, http: opts.http });
  const facts = fromFile ? fileFacts(fromFile) : apiFacts(github);
  if (!await isRepository(ws.git)) {
    throw new UserError(`${ws.root} is not in a git repository; release works on a clone of the model repository`);
  }
  const remote = config.spec.gitops.remote ?? "origin";
  const branch = config.spec.gitops.branch ?? await defaultBranch(ws.git, remote);
  const target = releaseTarget(config, subject, environment.name, { remote, branch });
  const attest = attestSetup({
    configured: config.spec.attest,
    env: ws.env,
    keyFile: opts.signingKey ? resolve(ws.io.cwd, opts.signingKey) : void 0,
    statementsDir: opts.statementsDir ? resolve(ws.io.cwd, opts.statementsDir) : void 0,
    warn: (line) => opts.log?.(`warning: ${line}`),
    configFile: repo.configFile?.file
  });
  return { ws, options: opts, config, manifest, environment, target, releaser, facts, github, attest };
}
function refuse(r) {
  throw new CheckFailed(r.message);
}
function checked(x) {
  if (isRefusal(x)) return refuse(x);
  return x;
}
var stamp = (d) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
async function planRelease(s) {
  const mode = s.options.mode ?? "release";
  return mode === "release" ? planPromotion(s) : planRegistryTag(s, mode);
}
async function planPromotion(s) {
  const { target: t, ws } = s;
  const git = ws.git;
  const dryRun = Boolean(s.options.dryRun);
  const name = versionTag(t.model, t.version);
  const tags = await remoteTags(git, t.remote);
  const tip = await fetchTip(git, t.remote, t.branch);
  if (!tip) throw new UserError(`the GitOps branch ${t.branch} does not exist on ${t.remote}; publish a version first`);
  const view = await readView(git, t, tip, tags, name);
  const located = checked(locateVersion(t, view));
  const object = await fetchTagObject(git, t.remote, name);
  const decision = checked(decideRelease(t, located, object, view.overlayText, s.releaser.runId));
  if (decision.kind === "unchanged") return alreadyThere(t, resultBase(t, dryRun, located), decision.current);
  const { via } = await checkPeople(s);
  const signature = isSignedTag(object.text ?? "") ? await s.facts.verification(located.tag) : void 0;
  const runId = s.releaser.runId;
  const reviews = runId !== void 0 ? await s.facts.reviews(runId) : [];
  const { approvals } = checked(
    checkEnvironmentApproval(
      {
        model: t.model,
        tag: name,
        environment: t.environment,
        githubEnvironment: s.environment.githubEnvironment ?? t.environment,
        required: s.environment.requiresApproval,
        runId,
        readAt: stamp(ws.now())
      },
      reviews
    )
  );
  const approvalSource = s.github ? { from: "github", api: s.github.apiUrl, run: s.github.runUrl ?? null } : { from: "facts-file" };
  const attest = buildFacts(s.attest);
  const facts = {
    releaser: s.releaser,
    via,
    tagger: taggerOf(object.text ?? ""),
    signature,
    approvals,
    approvalSource,
    ...attest ? { attest } : {}
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
    dryRun
  });
}
async function planRegistryTag(s, mode) {
  const { target: t, ws } = s;
  const tip = await fetchTip(ws.git, t.remote, t.branch);
  const base = resultBase(t, Boolean(s.options.dryRun));
  const basis = {
    target: t,
    mode,
    ledgerText: tip ? await ws.git.show(tip, t.ledgerPath) ?? "" : "",
    environments: s.config.spec.environments.map((e) => e.name),
    actor: s.releaser.actor
  };
  const attest = buildFacts(s.attest);
  const step = checked(
    registryChangeOnTip(basis, await remoteTags(ws.git, t.remote), {
      triggeredBy: s.releaser.triggeredBy,
      at: stamp(ws.now()),
      ...attest ? { attest } : {}
    })
  );
  if ("note" in step) return { kind: "nothing", result: { ...base, summary: step.note } };
  const { via } = await checkPeople(s);
  return { kind: "registry-tag", basis, tag: step.tag, change: step.change, via, base };
}
async function checkPeople(s) {
  const { actor, triggeredBy } = s.releaser;
  const { model } = s.target;
  const tag = versionTag(model, s.target.version);
  const releasers = s.config.spec.releasers;
  const teams = {};
  const permission = await s.facts.permission(actor);
  for (const team of teamsNeeded(actor, releasers)) teams[team] = await s.facts.teamMembers(team);
  const r = checked(checkReleaser(model, tag, actor, releasers, { permission, teams }));
  if (triggeredBy.toLowerCase() !== actor.toLowerCase()) {
    const p2 = await s.facts.permission(triggeredBy);
    for (const team of teamsNeeded(triggeredBy, releasers)) teams[team] ??= await s.facts.teamMembers(team);
    const r2 = checkReleaser(model, tag, triggeredBy, releasers, { permission: p2, teams });
    if (isRefusal(r2)) refuse({ ...r2, message: `${r2.message} (re-run of a run by ${actor})` });
  }
  return r;
}
async function applyRelease(s, plan) {
  if (plan.kind === "nothing") return plan.result;
  if (plan.kind === "registry-tag") return applyRegistryTag(s, plan);
  return plan.write.to === "pull-request" ? proposeByPullRequest(s, plan, plan.write) : pushPromotion(s, plan);
}
function writerOptions(s) {
  const o = s.options;
  return {
    identity: s.config.spec.identity,
    log: o.log ?? (() => {
    }),
    ...o.maxAttempts ? { maxAttempts: o.maxAttempts } : {},
    ...o.backoffMs !== void 0 ? { backoffMs: o.backoffMs } : {}
  };
}
function onTip(s, plan) {
  const t = plan.target;
  const state = {
    signed: {}
  };
  const compute = async (tip) => {
    const tags = await remoteTags(s.ws.git, t.remote);
    const view = await readView(s.ws.git, t, tip.commit, tags, plan.located.tag.name);
    const step = checked(promotionOnTip(plan, view, stamp(s.ws.now())));
    if ("unchanged" in step) {
      state.unchanged = step.unchanged;
      return void 0;
    }
    state.last = step;
    const signer = s.attest.signer;
    state.signed = signer ? await signedFiles(signer, t.ledgerPath, step.change.statements) : {};
    return { ...step.commit, files: { ...step.commit.files, ...state.signed } };
  };
  return { compute, state };
}
async function pushPromotion(s, plan) {
  const t = plan.target;
  const { compute, state } = onTip(s, plan);
  const written = await writeAndPush(s.ws.git, { remote: t.remote, branch: t.branch }, compute, writerOptions(s));
  const done = state.last;
  if (!written || !done) {
    return {
      ...plan.base,
      outcome: "unchanged",
      summary: `${t.model} ${t.version} was released to ${t.environment} by another run meanwhile (${state.unchanged}): nothing to do`
    };
  }
  const verb = done.action === "rollback" ? "rolled back" : "released";
  const attestations = await attestationsOf(s, done.change, state.signed, true);
  return {
    ...describePromotion(plan, done.change, done.action),
    ...attestations ? { attestations } : {},
    outcome: done.action === "rollback" ? "rolled-back" : "released",
    commit: written.commit,
    attempts: written.attempts,
    summary: `${t.model} ${t.version} ${verb} to ${t.environment}: ${done.change.stageTag} on ${plan.located.tag.commit.slice(0, 7)}, overlay commit ${written.commit.slice(0, 7)} on ${t.branch}`
  };
}
async function proposeByPullRequest(s, plan, pr) {
  const t = plan.target;
  const git = s.ws.git;
  const { head } = pr;
  const base = plan.base;
  const open = async () => s.github ? ensurePullRequest(s.github, { head, base: pr.base, title: pr.title, body: pr.body }) : void 0;
  if (await remoteBranchExists(git, t.remote, head)) {
    const opened2 = await open();
    return {
      ...base,
      outcome: "unchanged",
      branch: head,
      ...opened2 ? { pullRequest: opened2 } : {},
      summary: `${t.model} ${t.version} is already proposed for ${t.environment} on branch ${head}${opened2 ? ` (pull request #${opened2.number})` : ""}: nothing new to do`
    };
  }
  const tip = await fetchTip(git, t.remote, t.branch);
  await pushBranch(git, t.remote, tip, head);
  const { compute, state } = onTip(s, plan);
  let written;
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
    ...attestations ? { attestations } : {},
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
    ...opened ? { pullRequest: opened } : {},
    summary: `${t.model} ${t.version} proposed for ${t.environment} on branch ${head}${opened ? `: pull request #${opened.number}` : `: open a pull request from ${head} into ${t.branch}`} (${done.change.stageTag} on ${done.change.record.source.slice(0, 7)})`
  };
}
async function attestationsOf(s, change, signed, attach) {
  if (change.statements.length === 0) return void 0;
  if (s.attest.by === "workflow" && !attach) {
    s.options.log?.(
      "warning: the proposal's Statement is not signed here; sign its record after the merge, or release with a signing key"
    );
    return void 0;
  }
  if (s.attest.by === "workflow" && s.attest.statementsDir) {
    return {
      by: "workflow",
      statements: writePendingStatements(s.attest.statementsDir, change.record, change.statements)
    };
  }
  const bundles = signedResult(s.target.ledgerPath, change.statements, signed);
  if (attach) {
    const image = change.record.image;
    await attachBundles(image.reference, image.digest, bundles, {
      env: s.ws.env,
      layoutDir: join(s.ws.root, ".modelgate", "images"),
      localRepository: LOCAL_REPOSITORY,
      log: s.options.log ?? (() => {
      }),
      at: change.record.at
    });
  }
  return { by: "key", statements: bundles.map(({ text: _, ...b }) => b) };
}
async function applyRegistryTag(s, plan) {
  const { target: t, mode } = plan.basis;
  let note = "";
  let done;
  let signed = {};
  const attest = buildFacts(s.attest);
  const compute = async (tip) => {
    const ledgerText = await tip.read(t.ledgerPath) ?? "";
    const step = checked(
      registryChangeOnTip({ ...plan.basis, ledgerText }, await remoteTags(s.ws.git, t.remote), {
        triggeredBy: s.releaser.triggeredBy,
        at: stamp(s.ws.now()),
        ...attest ? { attest } : {}
      })
    );
    if ("note" in step) {
      note = step.note;
      return void 0;
    }
    done = step.change;
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
    ...attestations ? { attestations } : {},
    outcome: mode === "deregister" ? "deregistered" : "unassigned",
    registryTag: made.name,
    commit: written.commit,
    attempts: written.attempts,
    record: done.record,
    recordDigest: done.digest,
    recordPath: t.ledgerPath,
    releaser: { login: plan.basis.actor, via: plan.via },
    summary: `${made.name} pushed on ${made.target.slice(0, 7)}, recorded by commit ${written.commit.slice(0, 7)} on ${t.branch}: ${mode === "deregister" ? `${t.model} ${t.version} can never be released again` : `${t.environment} unassigned from ${t.model} ${t.version}`}`
  };
}

export {
  runRelease,
  openRelease,
  planRelease,
  applyRelease
};
