import { createRequire } from 'node:module';
import { c as checkName, a as cardInputFor } from './chunk-MU3JUADA-7VI_UIJ_.js';
import { Q as unbumpedVersion, s as sha256File, i as isRemote, u as resolveSource } from './hot-validate-Cbhe7qur.js';
import { a as approvalFactsSchema, d as decideFromFacts, A as APPROVAL_CONTEXT, m as modelsUnderReview, f as failClosed } from './chunk-RIE246NL-BCGPlkPR.js';
import { e as evaluateApproval, d as approvalFactsFromGitHub, f as ruleChangeNotice, h as ruleChanges, b as rulesOfCheckout, c as rulesOrigin, a as readRulesAt } from './chunk-GLGUTLI5-Jm6A3CVq.js';
import { a as readFactsFile, r as refuseFactsInActions } from './chunk-IUP2DSUK-kBqg7nXA.js';
import { L as LOCAL_REPOSITORY, t as tipReads, h as heldBy, p as publishChange, U as UNBUILT_IMAGE, a as buildFacts, s as signedFiles, c as signedResult, w as writePendingStatements, e as publishReferrers, b as bundleAttachment, f as attestSetup, g as publishRefusals, i as planPublish, k as gitopsFacts } from './chunk-YPELLATJ-DmrUE5hP.js';
import { k as killPoint, t as trackingRef, r as readTip, w as writeAndPush, d as defaultBranch } from './chunk-I7OPH6LF-DZAU6hue.js';
import { s as storageScheme } from './chunk-PBKVHRC3-wi_CBaMH.js';
import { l as lsRemoteTags, g as fetchBranch } from './chunk-QY6YSSUQ-DOW5Hrlb.js';
import { f as filesAt } from './chunk-62RWLHT6-DusoIaw8.js';
import { O as parseLedger, $ as ledgerAppendFindings, a as attestationPathBeside, D as promotionsPath, a0 as judge } from './hot-audit-verify-DZYJh8zf.js';
import { b as pullsForCommit, g as getPullRequest, i as isFromFork, d as latestStatus, e as latestCheckRun, l as listReviews } from './chunk-NKXRGQC5-h4gDLlTY.js';
import { r as resolveContext } from './chunk-BJUODENM-D7tbkoXJ.js';
import { f as readManifestsAt } from './hot-validate-verify-COnm42W2.js';
import { b as packageModel } from './chunk-WZ3ZO6K4-80CqoYQx.js';
import { p as parseReference, x as listLayoutReferrers, b as attachToLayout, a as artifactManifest, R as RegistryClient, v as registryTuning, c as registryCredentials, y as listRegistryReferrers, d as attachToRegistry, r as readLayoutIndex, z as blobPath, B as readLayoutIndexIfAny } from './chunk-ULLVEJ36-CqSbsUH_.js';
import { r as recordPath, e as evaluationRecordSchema } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { l as localFile, s as storageContext } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { c as repoRelative, b as resolveInside, o as findModel } from './hot-validate-plan-DjS3M9MR.js';
import { C as CheckFailed, M as ModelgateError, U as UserError, n as environmentFailure } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { readFile } from 'node:fs/promises';

const require$1 = createRequire(import.meta.url);

// src/git/merge-order.ts
async function hasCommit(git, sha) {
  return await git.tryRun(["cat-file", "-e", `${sha}^{commit}`]) !== void 0;
}
async function fetchCommit(git, remote, sha) {
  if (await hasCommit(git, sha)) return true;
  await git.tryRun(["fetch", "-q", "--no-tags", "--no-write-fetch-head", remote, sha]);
  return hasCommit(git, sha);
}
async function cameAfter(git, remote, earlier, later) {
  if (earlier === later) return false;
  if (!await fetchCommit(git, remote, later)) return void 0;
  return git.isAncestor(earlier, later);
}
var kindOf = (artifactType, annotations) => `${artifactType}\0${annotations?.["dev.sigstore.bundle.predicateType"] ?? ""}`;
async function attachMissing(ws, layoutDir, image, created, attachments, log2) {
  const ref = parseReference(image.reference, "image");
  const attached = [];
  const attachAll = async (present, attach) => {
    const have = new Set(present.map((d) => kindOf(d.artifactType, d.annotations)));
    for (const a of attachments) {
      if (have.has(kindOf(a.artifactType, a.annotations))) continue;
      await attach(a);
      attached.push(a.title);
      killPoint("after-first-referrer");
    }
  };
  if (ref.registry === LOCAL_REPOSITORY) {
    const subject = image.descriptor ?? await layoutDescriptor(layoutDir, image);
    await attachAll(
      await listLayoutReferrers(layoutDir, image.digest),
      (a) => attachToLayout(layoutDir, artifactManifest(subject, a, created))
    );
    return attached;
  }
  const client = new RegistryClient(ref.registry, {
    credentials: registryCredentials(ref.registry, ws.env),
    ...registryTuning(ws.env),
    log: log2
  });
  try {
    let subject = image.descriptor;
    if (!subject) {
      const got = await client.getManifest(ref.repository, image.digest);
      if (!got) {
        throw new CheckFailed(
          `the image ${image.reference} is not in ${ref.registry} (it answers 404 for its digest); push it again with \`modelgate package --push ${ref.registry}/${ref.repository}\` from the merged commit`
        );
      }
      subject = { mediaType: got.mediaType, digest: got.digest, size: got.bytes.byteLength };
    }
    const s = subject;
    await attachAll(await listRegistryReferrers(client, ref.repository, image.digest), async (a) => {
      await attachToRegistry(client, ref.repository, artifactManifest(s, a, created), s);
    });
  } finally {
    client.close();
  }
  return attached;
}
async function layoutDescriptor(dir, image) {
  const index = await readLayoutIndex(dir);
  const listed = index.manifests.find((d) => d.digest === image.digest);
  if (listed) return { mediaType: listed.mediaType, digest: listed.digest, size: listed.size };
  const bytes = await readFile(blobPath(dir, image.digest)).catch(() => void 0);
  if (!bytes) {
    throw new CheckFailed(
      `the image ${image.reference} is not in the layout ${dir}; publish writes it there, so this is not the layout it was published to (pass --layout DIR)`
    );
  }
  const mediaType = String(JSON.parse(bytes.toString("utf8")).mediaType);
  return { mediaType, digest: image.digest, size: bytes.byteLength };
}

// src/publish/tip.ts
var short = (sha) => sha.slice(0, 12);
var stamp = (ws) => ws.now().toISOString().replace(/\.\d{3}Z$/, "Z");
async function tipFacts(ws, plan, m, tip, warn = () => {
}) {
  const files = {};
  const paths = tipReads(m);
  const texts = await Promise.all(paths.map((p) => tip.read(p)));
  paths.forEach((p, i) => {
    files[p] = texts[i];
  });
  const laterMerges = /* @__PURE__ */ new Set();
  const held = heldBy(parseLedger(files[m.files.ledger] ?? "").entries, m.environment);
  if (held && held.merge !== plan.sha) {
    let after;
    for (const remote of /* @__PURE__ */ new Set([plan.target.remote, "origin"])) {
      after = await cameAfter(ws.git, remote, plan.sha, held.merge);
      if (after !== void 0) break;
    }
    if (after) laterMerges.add(held.merge);
    if (after === void 0) {
      const r = held.entry.record;
      warn(
        `${m.name}: ${m.environment} runs ${r.model.version} (record #${r.sequence}) from the merge ${short(held.merge)}, which neither this clone nor ${plan.target.remote} has, so merge order was not checked; fetch the default branch's history to check it`
      );
    }
  }
  return { files, tags: tip.tags, laterMerges };
}
function supersededRefusal(plan, m, s) {
  const r = s.held.record;
  return {
    model: m.name,
    field: "merge order",
    expected: plan.sha,
    actual: s.merge,
    message: `${m.name}: merge order: ${m.environment} already runs ${r.model.version} (record #${r.sequence}, ${r.stageTag}) from the merge ${short(s.merge)}, which came after this one (${short(plan.sha)}); publishing ${m.version} from the older merge would downgrade ${m.environment}, so nothing was written and ${m.environment} keeps ${r.model.version}`
  };
}
async function ledgerRefusal(ws, plan, m, warn = () => {
}) {
  const { findings, shallow } = await ledgerAppendFindings(ws.git, trackingRef(plan.target.branch), m.name);
  if (shallow) {
    warn(
      `${m.name}: this clone is shallow, so only the ledger's lines at the tip were checked, not its history; check out with fetch-depth: 0`
    );
  }
  if (findings.length === 0) return void 0;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
  return {
    model: m.name,
    field: "ledger",
    expected: "only records appended by modelgate",
    actual: findings[0].check,
    message: `${m.name}: ledger: ${m.files.ledger} on ${plan.target.branch} may not be extended: ${findings[0].message}${more}. modelgate does not chain a record onto a ledger whose records were changed or removed after they were written; restore it from git history (revert the change), then publish again; \`modelgate audit verify ${m.name}\` lists every finding`
  };
}
async function preflight(ws, plan, warn) {
  const refusals = [];
  if (!plan.registry) {
    await readLayoutIndexIfAny(plan.layoutDir).catch((err) => {
      if (!(err instanceof CheckFailed)) throw err;
      for (const m of plan.models)
        refusals.push({ model: m.name, field: "layout", message: `${m.name}: layout: ${err.message}` });
    });
  }
  const [commit, tags] = await readTip(ws.git, plan.target);
  const tip = { read: filesAt(ws.git, commit), tags };
  const outcomes = /* @__PURE__ */ new Map();
  const verified = /* @__PURE__ */ new Map();
  const at = stamp(ws);
  for (const m of plan.models) {
    const facts = await tipFacts(ws, plan, m, tip, warn);
    if (commit) {
      const refused = await ledgerRefusal(ws, plan, m, warn);
      if (refused) {
        refusals.push(refused);
        continue;
      }
    }
    verified.set(m.name, facts.files[m.files.ledger] ?? "");
    let change;
    try {
      change = publishChange({ plan, model: m, image: UNBUILT_IMAGE, tip: facts, at });
    } catch (err) {
      if (!(err instanceof ModelgateError)) throw err;
      const field = err instanceof UserError ? "ledger" : "version";
      refusals.push({ model: m.name, field, message: `${m.name}: ${field}: ${err.message}` });
      continue;
    }
    if (change.kind === "superseded") refusals.push(supersededRefusal(plan, m, change));
    outcomes.set(m.name, change);
  }
  return { outcomes, refusals, verified };
}

// src/publish/apply.ts
var log = (ws, line) => ws.io.err(`${line}
`);
async function applyPublish(ws, plan, opts) {
  const warnings = [];
  if (!plan.registry) {
    warnings.push(
      `no registry configured (modelgate.yaml spec.registry): images are written to the layout ${repoRelative(ws.io.cwd, plan.layoutDir)}, and the overlays name them ${LOCAL_REPOSITORY}/<model>; set spec.registry to push them`
    );
  }
  const models = [];
  for (const m of plan.models) {
    const before = opts.outcomes.get(m.name);
    models.push(
      before?.kind === "already" ? await finishPublished(ws, plan, m, before.record) : await publishModel(ws, plan, m, opts, warnings, models)
    );
  }
  return { models, warnings };
}
async function publishModel(ws, plan, m, opts, warnings, done) {
  const { name, version } = m;
  log(ws, `publish ${name} ${version}: building the image`);
  const built = await buildImage(ws, plan, m, done);
  for (const w of built.warnings) warnings.push(`${name}: ${w}`);
  const reference = `${m.image.repository}@${built.digest}`;
  log(ws, `publish ${name} ${version}: image ${reference}`);
  killPoint("after-image");
  let change;
  let signed = {};
  const { attest } = opts;
  const written = await writeAndPush(
    ws.git,
    plan.target,
    async (tip) => {
      const facts = await tipFacts(ws, plan, m, tip);
      const ledger = facts.files[m.files.ledger] ?? "";
      if (ledger !== opts.verified.get(m.name)) {
        const refused = await ledgerRefusal(ws, plan, m);
        if (refused) throw new CheckFailed(`${refused.message} (found after the image ${reference} was pushed)`);
        opts.verified.set(m.name, ledger);
      }
      const image = { digest: built.digest, scheme: storageScheme(ws.repo.config.spec.kserve) };
      const base = built.base.digest ? { reference: built.base.name, digest: built.base.digest } : void 0;
      const attested = buildFacts(attest, { base, datasets: m.checked.datasets });
      change = publishChange({ plan, model: m, image, tip: facts, at: stamp(ws), attest: attested });
      if (change.kind !== "commit") return void 0;
      signed = attest.signer ? await signedFiles(attest.signer, m.files.ledger, change.statements) : {};
      return { files: { ...change.files, ...signed }, message: change.message, tags: [change.tag] };
    },
    { identity: ws.repo.config.spec.identity, backoffMs: opts.backoffMs, log: (line) => log(ws, line) }
  );
  if (change?.kind === "superseded") {
    throw new CheckFailed(
      `${supersededRefusal(plan, m, change).message}; a later merge's publish landed while this one ran, after the image ${reference} was pushed (no record names it)`
    );
  }
  if (change?.kind === "already") return finishPublished(ws, plan, m, change.record, built.descriptor);
  if (!written || change?.kind !== "commit") throw new Error("publish: the GitOps writer landed no change");
  killPoint("after-git-push");
  const tags = written.tags.join(", ");
  const bundles = signedResult(m.files.ledger, change.statements, signed);
  const attestations = attest.signer ? { by: "key", statements: bundles.map(({ text: _, ...b }) => b) } : attest.statementsDir && change.statements.length ? {
    by: "workflow",
    statements: writePendingStatements(attest.statementsDir, change.record, change.statements)
  } : void 0;
  const { created, attachments } = publishReferrers(change.record, change.files[m.files.card] ?? "", {
    bundles: bundles.flatMap((b) => b.text ? [bundleAttachment(b.predicateType, b.digest.slice(7), b.text)] : [])
  });
  try {
    await attachMissing(
      ws,
      plan.layoutDir,
      { reference, digest: built.digest, descriptor: built.descriptor },
      created,
      attachments,
      (line) => log(ws, line)
    );
  } catch (err) {
    throw new CheckFailed(
      `published ${name} ${version} as commit ${written.commit}, tag ${tags}; attaching the records to the image failed: ${why(err)}; re-run publish to attach them`
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
    ...attestations ? { attestations } : {},
    versionTag: m.versionTag,
    versionTagCommand: `git tag -a ${m.versionTag} -m "${name} ${version}" ${written.commit} && git push origin ${m.versionTag}`
  };
}
var why = (err) => environmentFailure(err) ?? err.message;
async function finishPublished(ws, plan, m, record, descriptor) {
  const { name, version } = m;
  const at = await publishCommit(ws, plan, record);
  const card = at ? await ws.git.show(at, m.files.card) : void 0;
  const bundles = [];
  for (const st of record.attestation?.signer === "key" ? record.attestation.statements : []) {
    const text = at ? await ws.git.show(at, attestationPathBeside(m.files.ledger, st.digest.slice(7))) : void 0;
    if (text) bundles.push(bundleAttachment(st.predicateType, st.digest.slice(7), text));
  }
  const { created, attachments } = publishReferrers(record, card, { bundles });
  let finished;
  try {
    finished = await attachMissing(
      ws,
      plan.layoutDir,
      { ...record.image, descriptor },
      created,
      attachments,
      (line) => log(ws, line)
    );
  } catch (err) {
    throw new CheckFailed(
      `${name} ${version} was already published from ${plan.sha.slice(0, 12)} (${record.stageTag}); attaching the records to its image ${record.image.reference} failed: ${why(err)}; re-run publish to attach them`
    );
  }
  log(
    ws,
    `publish ${name} ${version}: already published from ${plan.sha.slice(0, 12)} (${record.stageTag}); ${finished.length ? `attached what an earlier run left out: ${finished.join(", ")}` : "nothing to do"}`
  );
  return {
    name,
    version,
    image: record.image,
    environment: record.environment,
    tags: [record.stageTag],
    versionTag: m.versionTag,
    alreadyPublished: true,
    ...finished.length ? { finished } : {}
  };
}
async function publishCommit(ws, plan, record) {
  const tag = (await lsRemoteTags(ws.git, plan.target.remote).catch(() => void 0))?.get(record.stageTag);
  if (!tag || !await fetchCommit(ws.git, plan.target.remote, tag.commit)) return void 0;
  return tag.commit;
}
async function buildImage(ws, plan, m, done) {
  try {
    return await packageModel(ws, m.name, {
      evalRecord: m.image.evalRecord,
      revision: m.image.revision,
      ...m.image.artifactFile ? { artifactFile: m.image.artifactFile } : {},
      ...m.image.push ? { push: m.image.push } : { layout: m.image.layout }
      // not quiet: each retry of the registry, and a line every few seconds of a long upload, are said
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const where = plan.registry ? `to ${plan.registry}` : `into ${plan.layoutDir}`;
    const machine = environmentFailure(err);
    const already = done.length ? ` (already published in this run: ${done.map((o) => o.name).join(", ")})` : "";
    throw new CheckFailed(
      machine ? `could not build and write the image of ${m.name} ${m.version} ${where}: ${machine}; nothing was committed or tagged${already}` : `could not build and push the image of ${m.name} ${m.version} ${where}: ${err.message}; nothing was committed or tagged${already}; re-run publish when the registry is reachable`
    );
  }
}

// src/publish/approval.ts
function trustedIdentity(rules) {
  const gh = rules.config.spec.github;
  return { app: gh.app, statusCreator: gh.statusCreator ?? `${gh.app}[bot]` };
}
var approversOf = (d) => d.approvers.map((a) => ({ login: a.login, reviewId: a.reviewId, commit: a.commit, submittedAt: a.submittedAt }));
function approvalFromFacts(rules, file) {
  const facts = readFactsFile(file, approvalFactsSchema);
  return {
    pull: { number: facts.pr.number, author: facts.pr.author, head: facts.pr.headSha, url: facts.pr.url },
    from: { from: "facts-file" },
    mergedBy: facts.mergedBy,
    approvalFor: async (models) => {
      const d = decideFromFacts(rules, facts, models);
      return {
        approved: d.approved,
        status: d.state,
        reason: d.approved ? void 0 : `not approved: ${d.description}`,
        approvers: approversOf(d)
      };
    }
  };
}
async function approvalFromGitHub(rules, env, flags, sha) {
  const ctx = resolveContext(env, {
    ...flags,
    offline: "pass --facts FILE: the merged pull request and its reviews as GitHub would return them (its format: `modelgate approve --help`), e.g. `modelgate publish --facts facts.json`"
  });
  let number = flags.pr;
  if (!number) {
    const pulls = await pullsForCommit(ctx, sha);
    const merged = pulls.find((p) => p.mergeCommitSha === sha) ?? pulls.find((p) => p.headSha === sha);
    if (!merged) {
      throw new UserError(
        `no pull request was merged as ${sha.slice(0, 12)}; publish ships only what came through a reviewed pull request (pass --pr N if GitHub does not associate it)`
      );
    }
    number = merged.number;
  }
  const pr = await getPullRequest(ctx, number);
  const fork = isFromFork(ctx, pr);
  const trusted = trustedIdentity(rules);
  return {
    pull: { number: pr.number, author: pr.author, head: pr.headSha, url: pr.htmlUrl },
    from: { from: "github", api: ctx.apiUrl, run: ctx.runUrl ?? null },
    approvalFor: async (models) => {
      if (fork) {
        const refused = await forkRecomputation(ctx, pr, models, trusted.app);
        if (refused) return refused;
      }
      const status = await latestStatus(ctx, pr.headSha, APPROVAL_CONTEXT, trusted.statusCreator).catch(
        (err) => ({ state: `unreadable (${err.message})`, description: null, others: [] })
      );
      const set = status && status.state !== "missing" ? status.state : void 0;
      const impostors = status?.others.length ? ` (set aside: ${APPROVAL_CONTEXT} set by ${status.others.join(", ")}, not by ${trusted.statusCreator}, the identity modelgate's jobs run as: modelgate.yaml spec.github)` : "";
      const { decision: d, apiError } = await readReviews(ctx, rules, pr, models);
      const approved = set === "success" && d.approved && !apiError;
      return {
        approved,
        // the status is fine: what failed is the reviews read back, and the refusal says so
        status: set !== "success" ? set ?? "missing" : apiError ? "unreadable" : d.state,
        expected: set !== "success" ? "success" : apiError ? "the reviews read back" : "reviews that satisfy the policy",
        reason: set !== "success" ? `the head commit ${pr.headSha.slice(0, 12)} has ${APPROVAL_CONTEXT} = ${set ?? `no status from ${trusted.statusCreator}`}${impostors}` : apiError ? `the reviews could not be read back: ${apiError}` : `the reviews read back do not satisfy the policy: ${d.description}`,
        approvers: approversOf(d)
      };
    }
  };
}
async function forkRecomputation(ctx, pr, models, app) {
  for (const model of models) {
    const run = await latestCheckRun(ctx, pr.headSha, checkName(model), app).catch(() => void 0);
    if (run?.conclusion !== "success") {
      const aside = run?.others.length ? `; set aside: check runs by ${run.others.join(", ")}, not by the app ${app} modelgate's jobs run as (modelgate.yaml spec.github.app)` : "";
      return {
        approved: false,
        status: `${checkName(model)}: ${run && run.status !== "missing" ? run.conclusion ?? run.status : `no check run by ${app}`}`,
        reason: `pull request #${pr.number} comes from a fork, whose own evaluation record is not trusted; the check run ${checkName(model)} on its head (the report job's recomputation, by the app ${app}) must be success${aside}`,
        approvers: []
      };
    }
  }
  return void 0;
}
async function readReviews(ctx, rules, pr, names) {
  const models = modelsUnderReview(rules, names);
  try {
    const reviews = await listReviews(ctx, pr.number);
    const decision = evaluateApproval(models, await approvalFactsFromGitHub(ctx, pr, models, reviews));
    return { decision };
  } catch (err) {
    if (err instanceof UserError) throw err;
    const apiError = err.message;
    return { decision: failClosed(models, pr.headSha, apiError), apiError };
  }
}

// src/publish/run.ts
async function runPublish(ws, opts) {
  if (opts.facts) refuseFactsInActions(ws.env, "publish");
  const cfg = ws.repo.config.spec;
  const sha = await mergedCommit(ws, opts.sha);
  const rules = await firstParentRules(ws, sha);
  const ruled = rules.config.spec;
  if (ruled.environments.length === 0)
    throw new UserError("modelgate.yaml spec.environments is empty; publish pins the first environment");
  const remote = opts.remote ?? cfg.gitops.remote ?? "origin";
  const target = { remote, branch: opts.branch ?? cfg.gitops.branch ?? await defaultBranch(ws.git, remote) };
  const tip = await sourceOnRemote(ws, sha, target, Boolean(cfg.gitops.remote && !opts.remote));
  const source = opts.facts ? approvalFromFacts(rules, resolve(ws.io.cwd, opts.facts)) : await approvalFromGitHub(
    rules,
    ws.env,
    { repo: opts.repo, pr: opts.pr, token: opts.token, http: opts.http },
    sha
  );
  const triggeredBy = opts.actor ?? ws.env.GITHUB_ACTOR ?? source.mergedBy ?? "unknown";
  const dryRun = Boolean(opts.dryRun);
  const notice = ruleChangeNotice(
    ruleChanges(rules, rulesOfCheckout(ws.repo)),
    rulesOrigin(rules, "the merge's first parent"),
    "This merge"
  );
  const result = {
    sha,
    pr: source.pull.number,
    refusals: [],
    warnings: notice ? [notice] : [],
    dryRun
  };
  const attest = attestSetup({
    configured: cfg.attest,
    env: ws.env,
    keyFile: opts.signingKey ? resolve(ws.io.cwd, opts.signingKey) : void 0,
    statementsDir: opts.statementsDir ? resolve(ws.io.cwd, opts.statementsDir) : void 0,
    warn: (line) => result.warnings.push(line),
    configFile: ws.repo.configFile?.file
  });
  const merged = await mergeChanges(ws, sha, opts.models);
  const names = opts.models?.length ? [...new Set(opts.models)] : merged.changed;
  if (names.length === 0 && merged.unbumped.length > 0) return { ...result, models: [], refusals: merged.unbumped };
  if (names.length === 0) {
    return {
      ...result,
      models: [],
      warnings: [...result.warnings, "no model's version or artifact changed in this merge: nothing to publish"]
    };
  }
  const approval = await source.approvalFor(names);
  const candidates = await gatherModels(ws, opts, names, source.pull.head, { rules, tip, target });
  const found = candidates.flatMap(
    (c) => publishRefusals({ ...c.facts, allowWarn: ruled.allowWarn, approval, head: source.pull.head })
  );
  const versionRefused = new Set(found.filter((r) => r.field === "spec.version").map((r) => r.model));
  const refusals = [...merged.unbumped.filter((r) => !versionRefused.has(r.model)), ...found];
  if (refusals.length > 0) return { ...result, models: [], refusals };
  const plan = planPublish({
    sha,
    pull: source.pull,
    approvers: approval.approvers,
    approvalSource: source.from,
    triggeredBy,
    environments: ruled.environments.map((e) => e.name),
    paths: { records: cfg.paths.records, deploy: cfg.paths.deploy },
    target,
    registry: opts.registry ?? cfg.registry,
    layoutDir: opts.layout ? resolve(ws.io.cwd, opts.layout) : join(ws.root, ".modelgate", "images"),
    models: candidates.map((c) => checked(ws, c, source, approval)),
    attest: { mode: attest.mode, by: attest.by, ...attest.signer ? { keyHint: attest.signer.hint } : {} },
    gitops: gitopsFacts(cfg, target.branch)
  });
  const pre = await preflight(ws, plan, (w) => result.warnings.push(w));
  if (pre.refusals.length > 0) return { ...result, models: [], refusals: pre.refusals };
  if (dryRun) {
    const models = plan.models.map((m) => {
      const already = pre.outcomes.get(m.name);
      return already?.kind === "already" ? {
        name: m.name,
        version: m.version,
        image: already.record.image,
        environment: already.record.environment,
        tags: [already.record.stageTag],
        versionTag: m.versionTag,
        alreadyPublished: true
      } : {
        name: m.name,
        version: m.version,
        image: { reference: "(not built: dry run)", digest: "" },
        environment: m.environment,
        tags: [],
        versionTag: m.versionTag
      };
    });
    return { ...result, models, plan };
  }
  const applied = await applyPublish(ws, plan, {
    outcomes: pre.outcomes,
    verified: pre.verified,
    backoffMs: opts.backoffMs,
    attest
  });
  return { ...result, ...applied, warnings: [...result.warnings, ...applied.warnings], plan };
}
async function mergedCommit(ws, wanted) {
  const head = await ws.git.revParse("HEAD");
  if (!head) throw new UserError(`${ws.root} has no commit checked out; publish runs on the merged commit`);
  const sha = wanted ? await ws.git.revParse(wanted) : head;
  if (!sha) throw new UserError(`--sha ${wanted} is not a commit in ${ws.root}`);
  if (sha !== head) {
    throw new UserError(
      `--sha ${wanted} is ${sha.slice(0, 12)}, but HEAD is ${head.slice(0, 12)}; check out the merged commit first`
    );
  }
  return sha;
}
async function firstParentRules(ws, sha) {
  const parent = await ws.git.revParse(`${sha}^1`);
  if (!parent) {
    throw new UserError(
      `${sha.slice(0, 12)} has no parent in this clone (a shallow clone, or the first commit): publish judges a merge by its first parent's rules; check out with fetch-depth: 0`
    );
  }
  return readRulesAt(ws.git, parent, `the merge's first parent ${parent.slice(0, 12)}`);
}
async function sourceOnRemote(ws, sha, target, separateGitops) {
  const [tip] = await readTip(ws.git, target);
  const where = separateGitops ? { remote: "origin", branch: await defaultBranch(ws.git, "origin") } : target;
  const holder = separateGitops ? await fetchBranch(ws.git, where.remote, where.branch, "refs/modelgate/publish/source") : tip;
  if (!holder || !(holder === sha || await ws.git.isAncestor(sha, holder))) {
    throw new CheckFailed(
      `the merged commit ${sha.slice(0, 12)} is not on ${where.branch} of ${where.remote}${holder ? ` (its tip is ${holder.slice(0, 12)})` : " (no such branch there)"}: publish records only commits the remote has; push the merge first (\`git push ${where.remote} ${where.branch}\`), then publish`
    );
  }
  return tip;
}
async function mergeChanges(ws, sha, only) {
  const models = only?.length ? ws.repo.models.filter((m) => only.includes(m.value.metadata.name)) : ws.repo.models;
  const parent = await ws.git.revParse(`${sha}^1`);
  if (!parent) return { changed: models.map((m) => m.value.metadata.name), unbumped: [] };
  const before = await readManifestsAt(
    ws.git,
    parent,
    models.map((m) => m.file),
    "Model"
  );
  const touched = new Set((await ws.git.diffNames(parent, sha)).map((d) => d.path));
  const changed = [];
  const unbumped = [];
  for (const [i, m] of models.entries()) {
    const name = m.value.metadata.name;
    const old = before[i]?.value?.spec;
    const now = m.value.spec;
    if (!old || old.version !== now.version || old.artifact.sha256 !== now.artifact.sha256) changed.push(name);
    const art = resolveInside(ws.root, m.dir, now.artifact.path);
    const path = art.error ? now.artifact.path : repoRelative(ws.root, art.abs);
    const problem = unbumpedVersion({
      before: old && { version: old.version, sha256: old.artifact.sha256 },
      after: { version: now.version, sha256: now.artifact.sha256 },
      artifact: { path, changed: touched.has(path) },
      base: `the merge's first parent ${parent.slice(0, 12)}`
    });
    if (problem) {
      unbumped.push({
        model: name,
        field: "spec.version",
        expected: `a version after ${now.version}`,
        actual: now.version,
        message: `${name}: ${problem}; nothing was published: open a pull request that bumps spec.version in ${m.file}`
      });
    }
  }
  return { changed, unbumped };
}
async function gatherModels(ws, opts, names, head, on) {
  const repo = ws.repo;
  const paths = repo.config.spec.paths;
  const cwd = ws.io.cwd;
  const recordsDir = opts.records ? resolve(cwd, opts.records) : void 0;
  const models = names.map((name) => findModel(repo, name));
  const atHead = await readManifestsAt(
    ws.git,
    head,
    models.map((m) => m.file),
    "Model"
  );
  const dataDigests = /* @__PURE__ */ new Map();
  const dataDigest = (abs) => {
    let d = dataDigests.get(abs);
    if (!d) dataDigests.set(abs, d = sha256File(abs));
    return d;
  };
  const out = [];
  for (const [i, m] of models.entries()) {
    const name = m.value.metadata.name;
    const artifact = await shippedArtifact(ws, m, opts.artifacts);
    const recordFile = recordsDir ? join(recordsDir, `${name}.json`) : join(ws.root, recordPath(name));
    const { record, bytes } = readEvaluationRecord(recordFile);
    const ruling = on.rules.models.find((x) => x.name === name)?.value;
    const judged = ruling ? { ...m.value, spec: { ...m.value.spec, gates: ruling.spec.gates } } : m.value;
    const ledger = on.tip ? await ws.git.show(on.tip, promotionsPath(paths.records, name)) : void 0;
    const datasets = [];
    const dataPaths = [];
    for (const dn of m.value.spec.evaluation.datasets.slice(0, 1)) {
      const d = repo.datasets.find((x) => x.value.metadata.name === dn);
      const p = d && !isRemote(d.value.spec.path) ? resolveInside(ws.root, d.dir, d.value.spec.path) : void 0;
      if (p && !p.error) dataPaths.push({ name: dn, path: repoRelative(ws.root, p.abs) });
      datasets.push({
        name: dn,
        declared: d?.value.spec.sha256,
        fileSha256: p && !p.error && existsSync(p.abs) ? await dataDigest(p.abs) : void 0
      });
    }
    out.push({
      name,
      artifactPath: artifact.path,
      artifactFile: artifact.file && repoRelative(ws.root, artifact.file) !== artifact.path ? artifact.file : void 0,
      recordFile,
      recordBytes: bytes,
      dataPaths,
      facts: {
        model: m.value,
        artifactSha256: artifact.sha256,
        artifactSource: artifact.source,
        record,
        recordSource: repoRelative(cwd, recordFile),
        datasets,
        verdict: record ? judge({ model: judged, record }) : void 0,
        declaredAtHead: atHead[i].value?.spec.artifact.sha256,
        published: publishedVersions(ledger ?? "", name, m.value.spec.version)
      }
    });
  }
  return out;
}
async function shippedArtifact(ws, m, artifacts) {
  const spec = m.value.spec.artifact;
  if (isRemote(spec.path)) {
    const src = resolveSource(ws.root, m.dir, spec.path);
    const got = await localFile(storageContext(ws), src, { sha256: spec.sha256, size: spec.sizeBytes });
    return { path: spec.path, file: got.file, sha256: got.sha256, source: spec.path };
  }
  const art = resolveInside(ws.root, m.dir, m.value.spec.artifact.path);
  if (art.error) throw new UserError(art.error);
  const path = repoRelative(ws.root, art.abs);
  const declared = m.value.spec.artifact.sha256;
  let found = { source: path };
  if (existsSync(art.abs)) found = { file: art.abs, sha256: await sha256File(art.abs), source: path };
  if (found.sha256 !== declared && artifacts) {
    const carried = resolve(ws.io.cwd, artifacts, path);
    if (existsSync(carried)) {
      const d = await sha256File(carried);
      if (d === declared || !found.sha256) {
        found = {
          file: carried,
          sha256: d,
          source: `${repoRelative(ws.io.cwd, carried)} (carried from the pull request's run)`
        };
      }
    }
  }
  return { path, ...found };
}
function readEvaluationRecord(file) {
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  let json;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw new CheckFailed(
      `${file}: not a readable evaluation record (${bytes.byteLength} bytes; ${err.message}): the file is truncated or damaged; download the pull request's evaluation record again (or re-run evaluate)`
    );
  }
  const parsed = evaluationRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${file}: not a valid evaluation record: ${issue.path.join(".")}: ${issue.message}`);
  }
  return { record: parsed.data, bytes };
}
function checked(ws, c, source, approval) {
  const m = findModel(ws.repo, c.name);
  const record = c.facts.record;
  return {
    model: m.value,
    dir: repoRelative(ws.root, m.dir),
    artifactPath: c.artifactPath,
    ...c.artifactFile ? { artifactFile: c.artifactFile } : {},
    recordFile: c.recordFile,
    recordBytes: c.recordBytes,
    record,
    verdict: c.facts.verdict,
    datasets: c.dataPaths,
    card: cardInputFor(ws.repo, m, record, {
      pr: { number: source.pull.number, url: source.pull.url },
      approvals: approval.approvers.map((a) => ({ reviewer: a.login, commit: a.commit, at: a.submittedAt }))
    })
  };
}
function publishedVersions(ledgerText, name, version) {
  return parseLedger(ledgerText).entries.filter(
    (e) => e.record.action === "publish" && e.record.model.name === name && e.record.model.version === version
  ).map((e) => ({
    sequence: e.record.sequence,
    sha256: e.record.model.sha256,
    source: e.record.source,
    stageTag: e.record.stageTag
  }));
}

export { runPublish as r };
