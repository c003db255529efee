import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultBranch,
  isRejection,
  writeAndPush
} from "./chunk-BWLPWRXU.js";
import {
  readFactsFile
} from "./chunk-ECKY5JUV.js";
import {
  appendToLedger,
  chainProblems,
  commitMessage,
  currentIn,
  deployPaths,
  deregisterTag,
  nextStageNumber,
  parseLedger,
  parseTag,
  parseVersionArg,
  promotionTrailers,
  promotionsPath,
  readOverlayPin,
  renderOverlay,
  stageTag,
  unassignTag,
  versionTag
} from "./chunk-EKUXUDFH.js";
import {
  retryDelay
} from "./chunk-DFUR2YEO.js";
import {
  escapeMd
} from "./chunk-U73FS3GH.js";
import {
  collaboratorPermission,
  ensurePullRequest,
  environmentReviews,
  resolveContext,
  tagVerification,
  teamMembers,
  writeJobSummary
} from "./chunk-BQKVR4UH.js";
import {
  parseArgs,
  str
} from "./chunk-NJ3H4BEK.js";
import {
  findModel,
  loadRepository
} from "./chunk-ZY5OX6SA.js";
import {
  GitError,
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import {
  API_VERSION,
  external_exports
} from "./chunk-WARMS5WM.js";
import {
  CheckFailed,
  EXIT_OK,
  UserError
} from "./chunk-7SHYJVU3.js";

// src/commands/release.ts
import { resolve } from "node:path";

// src/release/change.ts
function releaseChange(t, loc, model, ledgerText, f) {
  const p = loc.publish.record;
  const stage = stageTag(t.model, t.environment, f.stageNumber);
  const sup = f.supersedes?.record;
  const record = {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: f.action,
    at: f.at,
    model: p.model,
    data: p.data,
    evaluation: p.evaluation,
    pullRequest: p.pullRequest,
    approvals: p.approvals,
    image: p.image,
    environment: t.environment,
    stageTag: stage,
    // The version's commit: the one whose publish record this release promotes, where its stage tag points.
    source: loc.tag.commit,
    triggeredBy: f.triggeredBy,
    release: {
      tag: loc.tag.name,
      tagObject: loc.tag.oid,
      ...f.tagger ? { tagger: f.tagger } : {},
      pushedBy: f.actor,
      ...f.signature ? { signature: f.signature } : {},
      environmentApprovals: f.approvals,
      publishRecord: loc.publish.digest,
      supersedes: sup ? { version: sup.model.version, image: sup.image.digest } : null,
      ...f.runId !== void 0 ? { runId: f.runId } : {}
    }
  };
  const appended = appendToLedger(ledgerText, record);
  const overlay = renderOverlay(model, t.environment, {
    image: { repository: loc.image.repository, digest: loc.image.digest, hasShell: loc.image.hasShell },
    version: t.version,
    record: appended.digest
  });
  const verb = f.action === "rollback" ? `Roll back ${t.model} to ${t.version} in ${t.environment}` : `Release ${t.model} ${t.version} to ${t.environment}`;
  const approvers = f.approvals.filter((a) => a.state === "approved");
  const body = [
    `${loc.tag.name} (tag object ${loc.tag.oid}) pushed by ${f.actor}${f.signature ? `, signature ${f.signature.verified ? "verified" : "not verified"} by GitHub (${f.signature.reason})` : ""}.`,
    `Image ${p.image.reference}, published by record #${p.sequence} (${loc.publish.digest}).`,
    sup ? `Supersedes ${sup.model.version} (${sup.image.digest}).` : `First promotion of ${t.model} to ${t.environment}.`,
    approvers.length ? `Approved for ${t.environment} by ${approvers.map((a) => a.user).join(", ")}${f.runId !== void 0 ? ` in workflow run ${f.runId}` : ""}.` : ""
  ].filter(Boolean).join("\n");
  const trailers = promotionTrailers(appended.record, appended.digest);
  return {
    record: appended.record,
    digest: appended.digest,
    stageTag: stage,
    files: { [t.ledgerPath]: appended.text, [t.overlayPath]: overlay },
    message: commitMessage(verb, body, trailers),
    tagMessage: `${verb}

Released by ${f.actor} with ${loc.tag.name}; promotion record ${appended.digest}.`
  };
}

// src/release/version.ts
function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.replace(/\+.*$/, "").split(/-(.*)/s, 2);
    return { nums: core.split(".").map(Number), pre: pre ? pre.split(".") : [] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return Math.sign(y.pre.length - x.pre.length);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === void 0) return -1;
    if (q === void 0) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) {
      const d = Number(p) - Number(q);
      if (d !== 0) return Math.sign(d);
    } else if (pn !== qn) {
      return pn ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return 0;
}

// src/release/checks.ts
var short = (sha) => sha.slice(0, 7);
function readLedger(text, where, model) {
  const { entries, problems } = parseLedger(text);
  const all = [...problems, ...chainProblems(entries)];
  if (all.length > 0) {
    return {
      refusal: {
        check: "ledger-broken",
        message: `${model}: the promotion ledger ${where} is broken (line ${all[0].line}: ${all[0].message}); nothing was released. Run \`modelgate audit verify ${model}\` and restore the ledger from git history`
      }
    };
  }
  return { entries };
}
function locateVersion(t, view) {
  const name = versionTag(t.model, t.version);
  const tag = view.tags.get(name);
  if (!tag) {
    return {
      check: "tag-missing",
      message: `${t.model}: the version tag ${name} is not on ${t.remote}; a release manager tags the version's commit and pushes the tag: \`git tag -a ${name} <commit> -m "\u2026" && git push ${t.remote} ${name}\``
    };
  }
  const dereg = deregisterTag(t.model, t.version);
  if (view.tags.has(dereg)) {
    return {
      check: "deregistered",
      message: `${t.model}: version ${t.version} was deregistered (tag ${dereg}); a deregistered version can never be released. Release another version`
    };
  }
  if (!tag.annotated) {
    return {
      check: "lightweight",
      message: `${t.model}: ${name} is a lightweight tag (it names commit ${short(tag.commit)} directly); a release tag must be annotated so that it records who tagged it and when. Replace it: \`git tag -a -f ${name} ${short(tag.commit)} -m "\u2026" && git push -f ${t.remote} ${name}\``
    };
  }
  const ledger = readLedger(view.ledgerText, `${t.ledgerPath} on ${t.branch}`, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  const { entries } = ledger;
  const earlier = entries.find((e) => e.record.release?.tag === name && e.record.release.tagObject !== tag.oid);
  if (earlier) {
    return {
      check: "moved",
      message: `${t.model}: ${name} was moved: record #${earlier.record.sequence} (${earlier.record.action} to ${earlier.record.environment}) released tag object ${earlier.record.release?.tagObject}, the remote now has ${tag.oid}. A version tag is never moved; restore it or tag a new version`
    };
  }
  if (!view.onBranch) {
    return {
      check: "not-on-branch",
      message: `${t.model}: ${name} points at ${short(tag.commit)}, which is not on ${t.branch} of ${t.remote}; a version is released from the commit that published it on ${t.branch}`
    };
  }
  const publishes = entries.filter(
    (e) => e.record.action === "publish" && e.record.model.name === t.model && e.record.model.version === t.version
  );
  if (publishes.length === 0) {
    return {
      check: "not-published",
      message: `${t.model}: ${name} names version ${t.version}, but ${t.ledgerPath} on ${t.branch} has no publish record of it; only a published version is released (merge its pull request so that publish runs), and release never builds an image itself`
    };
  }
  const publish = publishes.find((e) => view.tags.get(e.record.stageTag)?.commit === tag.commit);
  if (!publish) {
    const p = publishes.at(-1);
    const st = view.tags.get(p.record.stageTag);
    return {
      check: "wrong-commit",
      message: st ? `${t.model}: ${name} points at ${short(tag.commit)}, but version ${t.version} was published at ${short(st.commit)} (record #${p.record.sequence}, tag ${p.record.stageTag}); the version tag belongs on that commit: \`git tag -a -f ${name} ${short(st.commit)} -m "\u2026" && git push -f ${t.remote} ${name}\`` : `${t.model}: the publish record #${p.record.sequence} of version ${t.version} names the stage tag ${p.record.stageTag}, which is not on ${t.remote}, so the commit it published cannot be confirmed; run \`modelgate audit verify ${t.model}\``
    };
  }
  const atCommit = parseLedger(view.versionLedgerText ?? "").entries;
  if (!atCommit.some((e) => e.digest === publish.digest)) {
    return {
      check: "record-not-at-commit",
      message: `${t.model}: the commit ${short(tag.commit)} that ${name} points at does not hold the publish record ${publish.digest} in ${t.ledgerPath}; tag the commit publish made for version ${t.version}`
    };
  }
  const pinned = readOverlayPin(view.versionOverlayText ?? "");
  const reference = publish.record.image.reference;
  if (pinned?.image !== reference) {
    return {
      check: "image-mismatch",
      message: `${t.model}: ${name}: the publish record of ${t.version} names image ${reference}, but ${t.publishOverlayPath} at ${short(tag.commit)} pins ${pinned?.image ?? "nothing"}; the record and the files it describes disagree, so nothing is released. Run \`modelgate audit verify ${t.model}\``
    };
  }
  const at = reference.lastIndexOf("@");
  const hasShell = !/oci\+(?:fetch|native):\/\//.test(view.versionOverlayText ?? "");
  return {
    tag,
    publish,
    entries,
    current: currentIn(entries, t.environment),
    image: {
      reference,
      repository: at > 0 ? reference.slice(0, at) : reference,
      digest: publish.record.image.digest,
      hasShell
    }
  };
}
function isRefusal(x) {
  return "check" in x;
}
function decide(t, loc, overlayText, runId) {
  const current = loc.current;
  const pinned = readOverlayPin(overlayText ?? "")?.image;
  const recorded = current?.record.image.reference;
  if (pinned !== recorded) {
    return {
      check: "overlay-edited",
      message: current ? `${t.model}: ${versionTag(t.model, t.version)} not released: ${t.overlayPath} pins ${pinned ?? "nothing"}, but the last ${t.environment} record (#${current.record.sequence}, version ${current.record.model.version}) put ${recorded} there: the overlay was changed outside modelgate. Restore it from that record's commit, then release again (\`modelgate audit verify ${t.model}\` shows the change)` : `${t.model}: ${versionTag(t.model, t.version)} not released: ${t.overlayPath} pins ${pinned}, but no record ever promoted anything to ${t.environment}: the overlay was written outside modelgate. Restore it, then release again`
    };
  }
  if (current && current.record.model.version === t.version && current.record.image.digest === loc.image.digest) {
    return { kind: "unchanged", current };
  }
  if (runId !== void 0) {
    const spent = loc.entries.find(
      (e) => e.record.release?.runId === runId && (e.record.model.version !== t.version || e.record.environment !== t.environment)
    );
    if (spent) {
      return {
        check: "run-reused",
        message: `${t.model}: ${versionTag(t.model, t.version)} not released: the environment approval of workflow run ${runId} was already used by record #${spent.record.sequence} (${spent.record.model.version} to ${spent.record.environment}); each release needs its own approved run`
      };
    }
  }
  const older = current && compareVersions(t.version, current.record.model.version) < 0;
  return { kind: "promote", action: older ? "rollback" : "release", supersedes: current };
}
function isSignedTag(tagObject) {
  return /^-----BEGIN (?:PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----$/m.test(tagObject);
}
function taggerOf(tagObject) {
  const m = /^tagger (.+?) <([^>]*)>/m.exec(tagObject);
  return m ? `${m[1]} <${m[2]}>` : void 0;
}

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
  let out;
  try {
    out = await git.run(["ls-remote", "--tags", remote]);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new CheckFailed(
      `cannot read the tags of ${remote}, the registry release reads: ${err.message.replace(/^git ls-remote [^:]*: /, "")}`
    );
  }
  const direct = /* @__PURE__ */ new Map();
  const peeled = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const m = /^([0-9a-f]{40,64})\trefs\/tags\/(.+)$/.exec(line);
    if (!m) continue;
    if (m[2].endsWith("^{}")) peeled.set(m[2].slice(0, -3), m[1]);
    else direct.set(m[2], m[1]);
  }
  const tags = /* @__PURE__ */ new Map();
  for (const [name, oid] of direct) {
    const commit = peeled.get(name);
    tags.set(name, { name, oid, annotated: commit !== void 0, commit: commit ?? oid });
  }
  return tags;
}
async function fetchTip(git, remote, branch) {
  const ref = "refs/modelgate/release/tip";
  const ok = await git.tryRun(["fetch", "-q", "--no-tags", remote, `+refs/heads/${branch}:${ref}`]);
  return ok === void 0 ? void 0 : git.revParse(ref);
}
async function fetchTagObject(git, remote, tag) {
  const ref = "refs/modelgate/release/tag";
  await git.run(["fetch", "-q", "--no-tags", remote, `+refs/tags/${tag}:${ref}`]);
  const oid = await git.objectId(ref) ?? "";
  const type = await git.objectType(oid) ?? "";
  const text = type === "tag" ? await git.run(["cat-file", "tag", oid]) : void 0;
  return { type, oid, text };
}
async function readView(git, t, tip, tags, versionTagName) {
  const tag = tags.get(versionTagName);
  const ledgerText = tip ? await git.show(tip, t.ledgerPath) ?? "" : "";
  const overlayText = tip ? await git.show(tip, t.overlayPath) : void 0;
  let onBranch = false;
  if (tag && tip) onBranch = tag.commit === tip || await git.isAncestor(tag.commit, tip);
  return {
    tags,
    ledgerText,
    overlayText,
    onBranch,
    versionLedgerText: tag && onBranch ? await git.show(tag.commit, t.ledgerPath) : void 0,
    versionOverlayText: tag && onBranch ? await git.show(tag.commit, t.publishOverlayPath) : void 0
  };
}
async function pushRegistryTag(git, remote, identity, compute, opts = {}) {
  const maxAttempts = opts.maxAttempts ?? 6;
  const tagger = openGit(git.dir, { identity });
  for (let attempt = 1; ; attempt++) {
    const spec = await compute(await remoteTags(git, remote));
    if (!spec) return void 0;
    await tagger.run(["tag", "-a", "-f", "-m", spec.message, spec.name, spec.target]);
    try {
      await git.run(["push", "--porcelain", remote, `refs/tags/${spec.name}`]);
      return spec;
    } catch (err) {
      await git.tryRun(["tag", "-d", spec.name]);
      const message = err instanceof GitError ? err.message : String(err);
      if (!isRejection(message) || attempt >= maxAttempts) {
        if (!(err instanceof GitError)) throw err;
        throw new CheckFailed(
          `could not push the tag ${spec.name} to ${remote} (attempt ${attempt} of ${maxAttempts}): ${message.replace(/^git push [^:]*: /, "")}`
        );
      }
      const base = opts.backoffMs ?? 250;
      const wait = retryDelay(attempt - 1, { retries: maxAttempts - 1, baseMs: base, maxMs: 8 * base + 2e3 });
      opts.log?.(`push of ${spec.name} rejected (attempt ${attempt} of ${maxAttempts}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

// src/commands/release.ts
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
function defaultEnvironment(config) {
  const envs = config.spec.environments;
  return (envs.find((e) => e.name === "production") ?? envs.at(-1))?.name ?? "production";
}
function what(opts) {
  if (opts.tag) {
    const p = parseTag(opts.tag);
    if (p?.kind !== "version" || p.deregistered) {
      throw new UserError(
        `"${opts.tag}" is not a version tag: a release tag is <model>@vX.Y.Z (GTO's grammar), e.g. fraud-detector@v1.4.0`
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
      "name what to release: a tag (modelgate release fraud-detector@v1.4.0) or --model and --version"
    );
  }
  const v = parseVersionArg(opts.version);
  if (!v || v.name && v.name !== opts.model) {
    throw new UserError(`--version expects X.Y.Z (semantic versioning), got "${opts.version}"`);
  }
  return { model: opts.model, version: v.version };
}
async function setup(opts) {
  const { model, version } = what(opts);
  const repo = loadRepository(opts.cwd);
  const config = repo.config;
  const manifest = findModel(repo, model).value;
  const envName = opts.environment ?? defaultEnvironment(config);
  const env = config.spec.environments.find((e) => e.name === envName);
  if (!env) {
    throw new UserError(
      `no environment "${envName}" in modelgate.yaml (environments: ${config.spec.environments.map((e) => e.name).join(", ")})`,
      repo.configFile ? { file: repo.configFile.file } : void 0
    );
  }
  const publishEnv = config.spec.environments[0].name;
  const inActions = opts.env.GITHUB_ACTIONS === "true";
  const fromFile = opts.facts ? readReleaseFacts(resolve(opts.cwd, opts.facts)) : void 0;
  let actor;
  let runId;
  if (inActions) {
    actor = opts.env.GITHUB_ACTOR;
    if (opts.actor && actor && opts.actor.toLowerCase() !== actor.toLowerCase()) {
      throw new UserError(
        `--actor ${opts.actor} differs from GITHUB_ACTOR ${actor}: inside Actions the releaser is the actor GitHub authenticated`
      );
    }
    const run = opts.env.GITHUB_RUN_ID;
    if (opts.runId !== void 0 && String(opts.runId) !== run) {
      throw new UserError(
        `--run-id ${opts.runId} differs from this run (GITHUB_RUN_ID ${run}): a release uses its own run's approval`
      );
    }
    runId = run ? Number(run) : void 0;
  } else {
    actor = opts.actor ?? fromFile?.actor ?? opts.env.GITHUB_ACTOR;
    const run = opts.runId ?? fromFile?.runId;
    if (run !== void 0 && run !== "") {
      runId = Number(run);
      if (!Number.isInteger(runId) || runId <= 0) throw new UserError(`--run-id expects a number, got "${run}"`);
    }
  }
  if (!actor) {
    throw new UserError("who is releasing? pass --actor LOGIN (inside Actions, GITHUB_ACTOR says it)");
  }
  const triggeredBy = inActions && opts.env.GITHUB_TRIGGERING_ACTOR || actor;
  let ctx;
  if (!fromFile) ctx = resolveContext(opts.env, { repo: opts.repo, token: opts.token, http: opts.http });
  const facts = fromFile ? fileFacts(fromFile) : apiFacts(ctx);
  const git = openGit(repo.root, { identity: config.spec.identity, env: opts.env });
  if (await git.tryRun(["rev-parse", "--git-dir"]) === void 0) {
    throw new UserError(`${repo.root} is not in a git repository; release works on a clone of the model repository`);
  }
  const gitops = config.spec.gitops;
  const remote = gitops.remote ?? "origin";
  const branch = gitops.branch ?? await defaultBranch(git, remote);
  const paths = deployPaths(config.spec.paths.deploy, model);
  const t = {
    model,
    version,
    environment: env.name,
    publishEnvironment: publishEnv,
    remote,
    branch,
    ledgerPath: promotionsPath(config.spec.paths.records, model),
    overlayPath: paths.overlay(env.name),
    publishOverlayPath: paths.overlay(publishEnv)
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
    ctx
  };
}
function refuse(r) {
  throw new CheckFailed(r.message);
}
async function checkPeople(s) {
  const releasers = s.config.spec.releasers;
  const teams = {};
  const permission = await s.facts.permission(s.actor);
  for (const team of teamsNeeded(s.actor, releasers)) teams[team] = await s.facts.teamMembers(team);
  const r = checkReleaser(s.t.model, s.tagName, s.actor, releasers, { permission, teams });
  if (isRefusal(r)) return refuse(r);
  if (s.triggeredBy.toLowerCase() !== s.actor.toLowerCase()) {
    const p2 = await s.facts.permission(s.triggeredBy);
    for (const team of teamsNeeded(s.triggeredBy, releasers)) teams[team] ??= await s.facts.teamMembers(team);
    const r2 = checkReleaser(s.t.model, s.tagName, s.triggeredBy, releasers, { permission: p2, teams });
    if (isRefusal(r2)) refuse({ ...r2, message: `${r2.message} (re-run of a run by ${s.actor})` });
  }
  return r;
}
function located(x) {
  if (isRefusal(x)) return refuse(x);
  return x;
}
async function runRelease(opts) {
  const s = await setup(opts);
  const mode = opts.mode ?? "release";
  if (mode !== "release") return registryOperation(s, mode, opts);
  const { t, git } = s;
  const now = () => (opts.now ? opts.now() : /* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const log = opts.log ?? (() => {
  });
  const tags = await remoteTags(git, t.remote);
  const tip = await fetchTip(git, t.remote, t.branch);
  if (!tip) throw new UserError(`the GitOps branch ${t.branch} does not exist on ${t.remote}; publish a version first`);
  const view = await readView(git, t, tip, tags, s.tagName);
  const loc = located(locateVersion(t, view));
  const object = await fetchTagObject(git, t.remote, s.tagName);
  if (object.type !== "tag" || object.oid !== loc.tag.oid) {
    refuse({
      check: "lightweight",
      message: `${t.model}: ${s.tagName} is a ${object.type || "missing"} object per \`git cat-file -t\`, not an annotated tag; tag the version with \`git tag -a\``
    });
  }
  const decision = decide(t, loc, view.overlayText, s.runId);
  if (isRefusal(decision)) return refuse(decision);
  const base = {
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
    branch: t.branch
  };
  if (decision.kind === "unchanged") {
    const c = decision.current.record;
    return {
      ...base,
      outcome: "unchanged",
      stageTag: c.stageTag,
      recordDigest: decision.current.digest,
      summary: `${t.model} ${t.version} already runs in ${t.environment} (record #${c.sequence}, ${c.stageTag}): nothing to do`
    };
  }
  const promote = decision;
  const releaser = await checkPeople(s);
  const signature = isSignedTag(object.text ?? "") ? await s.facts.verification(loc.tag) : void 0;
  const reviews = s.runId !== void 0 ? await s.facts.reviews(s.runId) : [];
  const approval = checkEnvironmentApproval(
    {
      model: t.model,
      tag: s.tagName,
      environment: t.environment,
      githubEnvironment: s.env.githubEnvironment ?? t.environment,
      required: s.env.requiresApproval,
      runId: s.runId,
      readAt: now()
    },
    reviews
  );
  if (isRefusal(approval)) return refuse(approval);
  const approvals = approval.approvals;
  const factsFor = (d, tagNames) => ({
    action: d.action,
    supersedes: d.supersedes,
    stageNumber: nextStageNumber(tagNames, t.model, t.environment),
    actor: s.actor,
    triggeredBy: s.triggeredBy,
    tagger: taggerOf(object.text ?? ""),
    signature,
    approvals,
    runId: s.runId,
    at: now()
  });
  const planned = releaseChange(t, loc, s.manifest, view.ledgerText, factsFor(promote, tags.keys()));
  const described = (c, d) => ({
    ...base,
    action: d.action,
    stageTag: c.stageTag,
    record: c.record,
    recordDigest: c.digest,
    supersedes: c.record.release?.supersedes ?? null,
    releaser: { login: s.actor, via: releaser.via },
    environmentApprovals: approvals,
    ...signature ? { signature } : {}
  });
  if (opts.dryRun) {
    return {
      ...described(planned, promote),
      outcome: "planned",
      summary: `dry run: would ${promote.action === "rollback" ? "roll back" : "release"} ${t.model} to ${t.version} in ${t.environment} (${planned.stageTag} on ${loc.tag.commit.slice(0, 7)}); nothing was written`
    };
  }
  let last;
  let unchangedMeanwhile;
  const compute = async (tipNow) => {
    const tagsNow = await remoteTags(git, t.remote);
    const viewNow = await readView(git, t, tipNow.commit, tagsNow, s.tagName);
    const locNow = located(locateVersion(t, viewNow));
    if (locNow.tag.oid !== loc.tag.oid) {
      refuse({
        check: "moved",
        message: `${t.model}: ${s.tagName} moved while it was being released (${loc.tag.oid} \u2192 ${locNow.tag.oid}); nothing was released`
      });
    }
    const d = decide(t, locNow, viewNow.overlayText, s.runId);
    if (isRefusal(d)) return refuse(d);
    if (d.kind === "unchanged") {
      unchangedMeanwhile = d.current.record.stageTag;
      return void 0;
    }
    const change = releaseChange(t, locNow, s.manifest, viewNow.ledgerText, factsFor(d, tagsNow.keys()));
    last = { change, decision: d };
    return {
      files: change.files,
      message: change.message,
      tags: [{ name: change.stageTag, target: locNow.tag.commit, message: change.tagMessage }]
    };
  };
  const writer = {
    identity: s.config.spec.identity,
    log,
    ...opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {},
    ...opts.backoffMs !== void 0 ? { backoffMs: opts.backoffMs } : {}
  };
  if (s.env.promotion === "pull-request") return proposeByPullRequest(s, compute, writer, () => last, base);
  const written = await writeAndPush(git, { remote: t.remote, branch: t.branch }, compute, writer);
  if (!written || !last) {
    return {
      ...base,
      outcome: "unchanged",
      summary: `${t.model} ${t.version} was released to ${t.environment} by another run meanwhile (${unchangedMeanwhile}): nothing to do`
    };
  }
  const done = last;
  const verb = done.decision.action === "rollback" ? "rolled back" : "released";
  return {
    ...described(done.change, done.decision),
    outcome: done.decision.action === "rollback" ? "rolled-back" : "released",
    commit: written.commit,
    attempts: written.attempts,
    summary: `${t.model} ${t.version} ${verb} to ${t.environment}: ${done.change.stageTag} on ${loc.tag.commit.slice(0, 7)}, overlay commit ${written.commit.slice(0, 7)} on ${t.branch}`
  };
}
async function proposeByPullRequest(s, compute, writer, last, base) {
  const { t, git } = s;
  const head = `modelgate/release/${t.model}/${t.environment}/v${t.version}`;
  const title = `Release ${t.model} ${t.version} to ${t.environment}`;
  const open = async () => s.ctx ? ensurePullRequest(s.ctx, {
    head,
    base: t.branch,
    title,
    body: `modelgate proposes ${escapeMd(s.tagName)} for ${escapeMd(t.environment)}: it changes \`${t.overlayPath}\` and appends the promotion record to \`${t.ledgerPath}\`. Merging deploys it.`
  }) : void 0;
  const exists = await git.tryRun(["ls-remote", "--exit-code", "--heads", t.remote, head]);
  if (exists) {
    const pr2 = await open();
    return {
      ...base,
      outcome: "unchanged",
      branch: head,
      ...pr2 ? { pullRequest: pr2 } : {},
      summary: `${t.model} ${t.version} is already proposed for ${t.environment} on branch ${head}${pr2 ? ` (pull request #${pr2.number})` : ""}: nothing new to do`
    };
  }
  const tip = await fetchTip(git, t.remote, t.branch);
  await git.run(["push", "--porcelain", t.remote, `${tip}:refs/heads/${head}`]);
  let written;
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
    ...pr ? { pullRequest: pr } : {},
    summary: `${t.model} ${t.version} proposed for ${t.environment} on branch ${head}${pr ? `: pull request #${pr.number}` : `: open a pull request from ${head} into ${t.branch}`} (${done.change.stageTag} on ${done.change.record.source.slice(0, 7)})`
  };
}
async function registryOperation(s, mode, opts) {
  const { t, git } = s;
  const tip = await fetchTip(git, t.remote, t.branch);
  const base = {
    model: t.model,
    version: t.version,
    tag: s.tagName,
    environment: t.environment,
    outcome: "unchanged",
    summary: "",
    dryRun: Boolean(opts.dryRun)
  };
  let releaser;
  let note = "";
  const compute = async (tags) => {
    const tag = tags.get(s.tagName);
    if (!tag) {
      return refuse({
        check: "tag-missing",
        message: `${t.model}: the version tag ${s.tagName} is not on ${t.remote}; there is no such version to ${mode}`
      });
    }
    const commit = tag.commit;
    const ledger = readLedger(tip ? await git.show(tip, t.ledgerPath) ?? "" : "", t.ledgerPath, t.model);
    if ("refusal" in ledger) return refuse(ledger.refusal);
    if (mode === "deregister") {
      const name2 = deregisterTag(t.model, t.version);
      if (tags.has(name2)) {
        note = `${t.model} ${t.version} is already deregistered (${name2}): nothing to do`;
        return void 0;
      }
      const envs = s.config.spec.environments.slice(1).map((e) => e.name);
      const running = envs.filter((e) => currentIn(ledger.entries, e)?.record.model.version === t.version);
      if (running.length > 0) {
        refuse({
          check: "runs-there",
          message: `${t.model}: ${t.version} runs in ${running.join(", ")}; release or roll back to another version there first, then deregister it`
        });
      }
      releaser ??= await checkPeople(s);
      return { name: name2, target: commit, message: `Deregister ${t.model} ${t.version} (by ${s.actor})` };
    }
    const events = [...tags.values()].map((x) => ({ x, p: parseTag(x.name) })).filter(
      ({ x, p }) => p?.kind === "stage" && p.name === t.model && p.stage === t.environment && x.commit === commit
    ).map(({ x, p }) => ({ x, p, n: p?.kind === "stage" ? p.number : 0 })).sort((a, b) => a.n - b.n);
    const latest = events.at(-1);
    if (!latest) {
      return refuse({
        check: "not-published",
        message: `${t.model}: ${t.version} was never assigned to ${t.environment} (no ${t.model}#${t.environment}#N tag on its commit); nothing to unassign`
      });
    }
    if (latest.p?.kind === "stage" && latest.p.unassigned) {
      note = `${t.model} ${t.version} is already unassigned from ${t.environment} (${latest.x.name}): nothing to do`;
      return void 0;
    }
    if (currentIn(ledger.entries, t.environment)?.record.model.version === t.version) {
      refuse({
        check: "runs-there",
        message: `${t.model}: ${t.version} is what ${t.environment} runs (its overlay pins it); release or roll back to another version first, then unassign it`
      });
    }
    releaser ??= await checkPeople(s);
    const name = unassignTag(t.model, t.environment, nextStageNumber(tags.keys(), t.model, t.environment));
    return { name, target: commit, message: `Unassign ${t.environment} from ${t.model} ${t.version} (by ${s.actor})` };
  };
  if (opts.dryRun) {
    const spec = await compute(await remoteTags(git, t.remote));
    return spec ? {
      ...base,
      outcome: "planned",
      registryTag: spec.name,
      summary: `dry run: would push ${spec.name} on ${spec.target.slice(0, 7)}; nothing was written`
    } : { ...base, summary: note };
  }
  const made = await pushRegistryTag(git, t.remote, s.config.spec.identity, compute, {
    log: opts.log,
    ...opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {},
    ...opts.backoffMs !== void 0 ? { backoffMs: opts.backoffMs } : {}
  });
  if (!made) return { ...base, summary: note };
  return {
    ...base,
    outcome: mode === "deregister" ? "deregistered" : "unassigned",
    registryTag: made.name,
    ...releaser ? { releaser: { login: s.actor, via: releaser.via } } : {},
    summary: `${made.name} pushed on ${made.target.slice(0, 7)}: ${mode === "deregister" ? `${t.model} ${t.version} can never be released again` : `${t.environment} unassigned from ${t.model} ${t.version}`}`
  };
}
var oneLine = (v) => String(v).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
function formatReleaseResult(r) {
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
  return `${lines.map(oneLine).join("\n")}
`;
}
function releaseMarkdown(r) {
  const rows = [
    ["outcome", r.outcome],
    ["model", r.model],
    ["version", r.version],
    ["environment", r.environment],
    ...r.stageTag ? [["stage tag", r.stageTag]] : [],
    ...r.registryTag ? [["registry tag", r.registryTag]] : [],
    ...r.image ? [["image", r.image.reference]] : [],
    ...r.supersedes ? [["supersedes", `${r.supersedes.version} (${r.supersedes.image})`]] : [],
    ...r.releaser ? [["released by", `${r.releaser.login} (${r.releaser.via})`]] : [],
    ...(r.environmentApprovals ?? []).map((a) => [`${a.state} by`, `${a.user}${a.comment ? `: ${a.comment}` : ""}`]),
    ...r.commit ? [["commit", r.commit]] : [],
    ...r.pullRequest ? [["pull request", `#${r.pullRequest.number}`]] : []
  ];
  return `### modelgate release: ${escapeMd(r.model)} ${escapeMd(r.version)}

${escapeMd(r.summary)}

| | |
|---|---|
${rows.map(([k, v]) => `| ${escapeMd(k)} | ${escapeMd(v)} |`).join("\n")}
`;
}
var command = {
  name: "release",
  summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
  usage: `Usage: modelgate release TAG | --model NAME --version X.Y.Z [--env ENV] [--repo OWNER/NAME] [--run-id ID]
                        [--actor LOGIN] [--facts FILE] [--dry-run] [--json]
       modelgate release --unassign TAG | --model NAME --version X.Y.Z [--env ENV] \u2026
       modelgate release --deregister TAG | --model NAME --version X.Y.Z \u2026

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
  async run(args, io) {
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
      deregister: { type: "boolean" }
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
      log: (line) => io.err(`${line}
`)
    });
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(releaseMarkdown(result), io.env);
    io.out(values.json ? toJson(result) : formatReleaseResult(result));
    return EXIT_OK;
  }
};

export {
  defaultEnvironment,
  runRelease,
  formatReleaseResult,
  releaseMarkdown,
  command
};
