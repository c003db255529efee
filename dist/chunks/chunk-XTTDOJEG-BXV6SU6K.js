import { createRequire } from 'node:module';
import { a as readFactsFile, r as refuseFactsInActions } from './chunk-IUP2DSUK-kBqg7nXA.js';
import { a as attachBundles } from './chunk-SUJYJUOK-DVAOOj-J.js';
import { f as attestSetup, a as buildFacts, s as signedFiles, w as writePendingStatements, c as signedResult, L as LOCAL_REPOSITORY } from './chunk-YPELLATJ-DmrUE5hP.js';
import { t as trackingRef, d as defaultBranch, w as writeAndPush } from './chunk-I7OPH6LF-DZAU6hue.js';
import { a as renderOverlay, b as readOverlayPin, d as deployPaths } from './chunk-PBKVHRC3-wi_CBaMH.js';
import { a as attestRecord } from './hot-verify-CS61MYk-.js';
import { d as defaultEnvironment } from './chunk-DL6T25Z3-Dn6jH0Bt.js';
import { l as lsRemoteTags, g as fetchBranch, h as fetchTag, t as tagObjectText, i as isRepository, j as remoteBranchExists, k as pushBranch, m as deleteRemoteBranch } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import { a as appendToLedger } from './chunk-3XFCJ3SQ-CY1KQCXb.js';
import { b as blobReader } from './chunk-62RWLHT6-DusoIaw8.js';
import { n as tagVerification, o as environmentReviews, t as teamMembers, c as collaboratorPermission, q as ensurePullRequest } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { r as resolveContext } from './chunk-BJUODENM-D7tbkoXJ.js';
import { P as stageTag, n as promotionTrailers, R as commitMessage, O as parseLedger, ab as chainProblems, y as versionTag, ac as deregistrationOf, z as currentIn, p as parseTag, ad as parseVersionArg, D as promotionsPath, Q as nextStageNumber, f as escapeMd, A as deregisterTag, ae as unassignTag } from './hot-audit-verify-DZYJh8zf.js';
import { o as findModel } from './hot-validate-plan-DjS3M9MR.js';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';
import { A as API_VERSION, q as GitError } from './hot-validate-plan-audit-verify-DglurztO.js';
import { U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { resolve, join } from 'node:path';

const require$1 = createRequire(import.meta.url);

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
      ...f.runId !== void 0 ? { runId: f.runId } : {},
      ...f.runAttempt !== void 0 ? { runAttempt: f.runAttempt } : {},
      ...f.approvalSource ? { approvalSource: f.approvalSource } : {}
    }
  };
  let statements = [];
  const attest = f.attest;
  const appended = appendToLedger(
    ledgerText,
    record,
    attest ? (chained) => {
      const a = attestRecord(chained, attest);
      statements = a.statements;
      return { ...chained, attestation: a.block };
    } : void 0
  );
  const overlay = renderOverlay(model, t.environment, {
    image: { repository: loc.image.repository, digest: loc.image.digest, scheme: loc.image.scheme },
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

Released by ${f.actor} with ${loc.tag.name}; promotion record ${appended.digest}.`,
    statements
  };
}
function registryChange(t, publish, tag, ledgerText, f) {
  const p = publish.record;
  let statements = [];
  const attest = f.attest;
  const record = {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: f.mode,
    at: f.at,
    model: p.model,
    data: p.data,
    evaluation: p.evaluation,
    pullRequest: p.pullRequest,
    approvals: p.approvals,
    image: p.image,
    environment: f.mode === "unassign" ? t.environment : p.environment,
    stageTag: tag.name,
    // the version's commit, where the tag goes
    source: tag.target,
    triggeredBy: f.triggeredBy,
    registry: { publishRecord: publish.digest, pushedBy: f.actor }
  };
  const appended = appendToLedger(
    ledgerText,
    record,
    attest ? (chained) => {
      const a = attestRecord(chained, attest);
      statements = a.statements;
      return { ...chained, attestation: a.block };
    } : void 0
  );
  const subject = f.mode === "deregister" ? `Deregister ${t.model} ${t.version}` : `Unassign ${t.environment} from ${t.model} ${t.version}`;
  const body = `${tag.name} on ${tag.target}, asked for by ${f.actor}; the version was published by record #${p.sequence} (${publish.digest}).`;
  return {
    record: appended.record,
    digest: appended.digest,
    files: { [t.ledgerPath]: appended.text },
    message: commitMessage(subject, body, promotionTrailers(appended.record, appended.digest)),
    tag: { ...tag, message: `${tag.message}; promotion record ${appended.digest}` },
    statements
  };
}

// src/release/semver.ts
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
  const dereg = deregistrationOf(view.tags.keys(), t.model, t.version);
  if (dereg) {
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
  const gone = entries.find((e) => e.record.action === "deregister" && e.record.model.version === t.version);
  if (gone) {
    return {
      check: "deregistered",
      message: `${t.model}: version ${t.version} was deregistered (record #${gone.record.sequence} in ${t.ledgerPath}; its tag ${gone.record.stageTag} is no longer on ${t.remote}); a deregistered version can never be released. Release another version`
    };
  }
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
  return {
    tag,
    publish,
    entries,
    current: currentIn(entries, t.environment),
    image: {
      reference,
      repository: at > 0 ? reference.slice(0, at) : reference,
      digest: publish.record.image.digest,
      // as published: the scheme is the image's (a modelcar, or an image for image volumes)
      scheme: pinned.scheme ?? "oci"
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
    const spent = loc.entries.find((e) => e.record.release?.runId === runId);
    if (spent) {
      const r = spent.record;
      const attempt = r.release?.runAttempt ? `, attempt ${r.release.runAttempt}` : "";
      return {
        check: "run-reused",
        message: `${t.model}: ${versionTag(t.model, t.version)} not released: the environment approval of workflow run ${runId} was already used by record #${r.sequence} (${r.model.version} to ${r.environment}, ${r.stageTag}${attempt}); an approval is bound to one release, so each release (a re-release after a rollback, or a re-run of the run, too) needs its own approved run`
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

// src/release/steps.ts
function releaseSubject(o) {
  if (o.tag) {
    const p = parseTag(o.tag);
    if (p?.kind !== "version" || p.deregistered) {
      throw new UserError(
        `"${o.tag}" is not a version tag: a release tag is <model>@vX.Y.Z (GTO's grammar), e.g. fraud-detector@v1.4.0`
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
      "name what to release: a tag (modelgate release fraud-detector@v1.4.0) or --model and --version"
    );
  }
  const v = parseVersionArg(o.version);
  if (!v || v.name && v.name !== o.model) {
    throw new UserError(`--version expects X.Y.Z (semantic versioning), got "${o.version}"`);
  }
  return { model: o.model, version: v.version };
}
function releaseEnvironment(config, name, configFile) {
  const envName = name ?? defaultEnvironment(config);
  const env = config.spec.environments.find((e) => e.name === envName);
  if (!env) {
    throw new UserError(
      `no environment "${envName}" in modelgate.yaml (environments: ${config.spec.environments.map((e) => e.name).join(", ")})`,
      configFile ? { file: configFile } : void 0
    );
  }
  return env;
}
function releaseTarget(config, subject, environment, gitops) {
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
    publishOverlayPath: paths.overlay(publishEnvironment)
  };
}
function whoReleases(env, given, file) {
  const inActions = env.GITHUB_ACTIONS === "true";
  let actor;
  let runId;
  if (inActions) {
    actor = env.GITHUB_ACTOR;
    if (given.actor && actor && given.actor.toLowerCase() !== actor.toLowerCase()) {
      throw new UserError(
        `--actor ${given.actor} differs from GITHUB_ACTOR ${actor}: inside Actions the releaser is the actor GitHub authenticated`
      );
    }
    const run = env.GITHUB_RUN_ID;
    if (given.runId !== void 0 && String(given.runId) !== run) {
      throw new UserError(
        `--run-id ${given.runId} differs from this run (GITHUB_RUN_ID ${run}): a release uses its own run's approval`
      );
    }
    runId = run ? Number(run) : void 0;
  } else {
    actor = given.actor ?? file?.actor ?? env.GITHUB_ACTOR;
    const run = given.runId ?? file?.runId;
    if (run !== void 0 && run !== "") {
      runId = Number(run);
      if (!Number.isInteger(runId) || runId <= 0) throw new UserError(`--run-id expects a number, got "${run}"`);
    }
  }
  if (!actor) {
    throw new UserError("who is releasing? pass --actor LOGIN (inside Actions, GITHUB_ACTOR says it)");
  }
  const triggeredBy = inActions && env.GITHUB_TRIGGERING_ACTOR || actor;
  const attempt = inActions ? Number(env.GITHUB_RUN_ATTEMPT) : Number.NaN;
  return { actor, triggeredBy, runId, ...Number.isInteger(attempt) && attempt > 0 ? { runAttempt: attempt } : {} };
}
function resultBase(t, dryRun, located) {
  const base = {
    model: t.model,
    version: t.version,
    tag: versionTag(t.model, t.version),
    environment: t.environment,
    outcome: "unchanged",
    summary: "",
    dryRun
  };
  if (!located) return base;
  return {
    ...base,
    image: { reference: located.image.reference, digest: located.image.digest },
    recordPath: t.ledgerPath,
    overlayPath: t.overlayPath,
    branch: t.branch
  };
}
function decideRelease(t, located, object, overlayText, runId) {
  if (object.type !== "tag" || object.oid !== located.tag.oid) {
    return {
      check: "lightweight",
      message: `${t.model}: ${located.tag.name} is a ${object.type || "missing"} object per \`git cat-file -t\`, not an annotated tag; tag the version with \`git tag -a\``
    };
  }
  return decide(t, located, overlayText, runId);
}
function alreadyThere(t, base, current) {
  const c = current.record;
  return {
    kind: "nothing",
    result: {
      ...base,
      outcome: "unchanged",
      stageTag: c.stageTag,
      recordDigest: current.digest,
      summary: `${t.model} ${t.version} already runs in ${t.environment} (record #${c.sequence}, ${c.stageTag}): nothing to do`
    }
  };
}
function changeFacts(d, tagNames, t, f, at) {
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
    ...f.releaser.runAttempt !== void 0 ? { runAttempt: f.releaser.runAttempt } : {},
    at,
    ...f.attest ? { attest: f.attest } : {}
  };
}
function proposal(t) {
  const head = `modelgate/release/${t.model}/${t.environment}/v${t.version}`;
  return {
    to: "pull-request",
    head,
    base: t.branch,
    title: `Release ${t.model} ${t.version} to ${t.environment}`,
    body: `modelgate proposes ${escapeMd(versionTag(t.model, t.version))} for ${escapeMd(t.environment)}: it changes \`${t.overlayPath}\` and appends the promotion record to \`${t.ledgerPath}\`. Merging deploys it.`
  };
}
function promotionPlan(i) {
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
    base: resultBase(t, i.dryRun, i.located)
  };
}
function promotionOnTip(plan, view, at) {
  const t = plan.target;
  const loc = locateVersion(t, view);
  if (isRefusal(loc)) return loc;
  if (loc.tag.oid !== plan.located.tag.oid) {
    return {
      check: "moved",
      message: `${t.model}: ${loc.tag.name} moved while it was being released (${plan.located.tag.oid} \u2192 ${loc.tag.oid}); nothing was released`
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
    changeFacts(d, view.tags.keys(), t, plan.facts, at)
  );
  return {
    change,
    action: d.action,
    commit: {
      files: change.files,
      message: change.message,
      tags: [{ name: change.stageTag, target: loc.tag.commit, message: change.tagMessage }]
    }
  };
}
function describePromotion(plan, change, action) {
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
    ...f.signature ? { signature: f.signature } : {}
  };
}
function registryTagStep(b, tags) {
  const t = b.target;
  const tag = tags.get(versionTag(t.model, t.version));
  if (!tag) {
    return {
      check: "tag-missing",
      message: `${t.model}: the version tag ${versionTag(t.model, t.version)} is not on ${t.remote}; there is no such version to ${b.mode}`
    };
  }
  const ledger = readLedger(b.ledgerText, t.ledgerPath, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  return b.mode === "deregister" ? deregisterStep(b, tags, tag, ledger.entries) : unassignStep(b, tags, tag, ledger.entries);
}
function deregisterStep(b, tags, tag, entries) {
  const t = b.target;
  const name = deregisterTag(t.model, t.version);
  const done = deregistrationOf(tags.keys(), t.model, t.version);
  if (done) return { note: `${t.model} ${t.version} is already deregistered (${done}): nothing to do` };
  const recorded = deregistration(entries, t.version);
  if (recorded) {
    return {
      note: `${t.model} ${t.version} is already deregistered (record #${recorded.record.sequence} in ${t.ledgerPath}), but its tag ${name} is not on ${t.remote}: nothing to do (\`modelgate audit verify ${t.model}\` reports the missing tag)`
    };
  }
  const running = b.environments.filter((e) => currentIn(entries, e)?.record.model.version === t.version);
  if (running.length > 0) {
    return {
      check: "runs-there",
      message: `${t.model}: ${t.version} runs in ${running.join(", ")} (the last record there promoted it); GTO shows no stage of a deregistered version, so it would no longer show what runs there: release or roll back to another version there first (modelgate release --model ${t.model} --version X.Y.Z --env ${running[0]}), then deregister it`
    };
  }
  return { tag: { name, target: tag.commit, message: `Deregister ${t.model} ${t.version} (by ${b.actor})` } };
}
function unassignStep(b, tags, tag, entries) {
  const t = b.target;
  const events = [...tags.values()].map((x) => ({ x, p: parseTag(x.name) })).filter(
    ({ x, p }) => p?.kind === "stage" && p.name === t.model && p.stage === t.environment && x.commit === tag.commit
  ).map(({ x, p }) => ({ x, p, n: p?.kind === "stage" ? p.number ?? 0 : 0 })).sort((a, b2) => a.n - b2.n);
  const latest = events.at(-1);
  if (!latest) {
    return {
      check: "not-published",
      message: `${t.model}: ${t.version} was never assigned to ${t.environment} (no ${t.model}#${t.environment}#N tag on its commit); nothing to unassign`
    };
  }
  if (latest.p?.kind === "stage" && latest.p.unassigned) {
    return {
      note: `${t.model} ${t.version} is already unassigned from ${t.environment} (${latest.x.name}): nothing to do`
    };
  }
  if (currentIn(entries, t.environment)?.record.model.version === t.version) {
    return {
      check: "runs-there",
      message: `${t.model}: ${t.version} is what ${t.environment} runs (its overlay pins it); release or roll back to another version first, then unassign it`
    };
  }
  const name = unassignTag(t.model, t.environment, nextStageNumber(tags.keys(), t.model, t.environment));
  return {
    tag: {
      name,
      target: tag.commit,
      message: `Unassign ${t.environment} from ${t.model} ${t.version} (by ${b.actor})`
    }
  };
}
function deregistration(entries, version) {
  return entries.find((e) => e.record.action === "deregister" && e.record.model.version === version);
}
function publishOfVersion(entries, tags, t, commit) {
  const published = entries.filter((e) => e.record.action === "publish" && e.record.model.version === t.version);
  return published.find((e) => tags.get(e.record.stageTag)?.commit === commit) ?? published.at(-1);
}
function registryChangeOnTip(b, tags, f) {
  const t = b.target;
  const step = registryTagStep(b, tags);
  if (isRefusal(step) || "note" in step) return step;
  const ledger = readLedger(b.ledgerText, t.ledgerPath, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  const publish = publishOfVersion(ledger.entries, tags, t, step.tag.target);
  if (!publish) {
    return {
      check: "not-published",
      message: `${t.model}: ${t.ledgerPath} on ${t.branch} has no publish record of ${t.version}; there is no published version to ${b.mode}`
    };
  }
  const change = registryChange(t, publish, step.tag, b.ledgerText, {
    mode: b.mode,
    actor: b.actor,
    triggeredBy: f.triggeredBy,
    at: f.at,
    ...f.attest ? { attest: f.attest } : {}
  });
  return { tag: change.tag, change };
}
function previewRelease(plan) {
  if (plan.kind === "nothing") return plan.result;
  if (plan.kind === "registry-tag") {
    return {
      ...plan.base,
      outcome: "planned",
      registryTag: plan.tag.name,
      summary: `dry run: would push ${plan.tag.name} on ${plan.tag.target.slice(0, 7)}; nothing was written`
    };
  }
  const t = plan.target;
  return {
    ...describePromotion(plan, plan.change, plan.action),
    outcome: "planned",
    summary: `dry run: would ${plan.action === "rollback" ? "roll back" : "release"} ${t.model} to ${t.version} in ${t.environment} (${plan.change.stageTag} on ${plan.located.tag.commit.slice(0, 7)}); nothing was written`
  };
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

export { applyRelease as a, releaseSubject as b, openRelease as o, planRelease as p, runRelease as r };
