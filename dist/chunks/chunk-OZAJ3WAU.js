import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultBranch,
  fetchBranch,
  writeAndPush
} from "./chunk-2QDJK4LF.js";
import {
  CARD_FILE,
  cardInputFor,
  checkName,
  renderModelCard
} from "./chunk-OVWRLB4R.js";
import {
  APPROVAL_CONTEXT,
  approvalFactsSchema,
  decideFromFacts,
  failClosed,
  modelsUnderReview
} from "./chunk-FFIGZS3X.js";
import {
  approvalFactsFromGitHub,
  evaluateApproval,
  readRulesAt,
  ruleChangeNotice,
  ruleChanges,
  rulesOfCheckout,
  rulesOrigin
} from "./chunk-HCSGHCIG.js";
import {
  readFactsFile,
  refuseFactsInActions
} from "./chunk-BAGWTHH3.js";
import {
  appendToLedger,
  commitMessage,
  deployPaths,
  evaluationCopyPath,
  nextStageNumber,
  parseLedger,
  promotionTrailers,
  promotionsPath,
  renderBase,
  renderOverlay,
  sha256Of,
  stageTag,
  storageScheme,
  versionTag
} from "./chunk-BJFHTU3R.js";
import {
  judge
} from "./chunk-GBOQY7F6.js";
import {
  readManifestsAt
} from "./chunk-2GAGZ6MB.js";
import {
  ArtifactType,
  artifactManifest,
  attachToLayout,
  attachToRegistry,
  packageModel
} from "./chunk-FOR727U7.js";
import {
  RegistryClient,
  parseReference,
  registryCredentials
} from "./chunk-YCDLQBSB.js";
import {
  recordMismatches,
  staleRecordMessage
} from "./chunk-LHB2DN4U.js";
import {
  evaluationRecordSchema,
  recordPath
} from "./chunk-VRZ2CJVB.js";
import {
  sha256File
} from "./chunk-AZ7PF7DE.js";
import {
  getPullRequest,
  isFromFork,
  latestCheckRun,
  latestStatus,
  listReviews,
  pullsForCommit,
  resolveContext
} from "./chunk-YA4536HC.js";
import {
  findModel,
  repoRelative,
  resolveInside
} from "./chunk-7X65H3OX.js";
import {
  API_VERSION
} from "./chunk-E5SOOXKQ.js";
import {
  CheckFailed,
  UserError
} from "./chunk-H5EPG2ZH.js";

// src/publish/checks.ts
var short = (s) => s ? /^[0-9a-f]{64}$/.test(s) ? `${s.slice(0, 12)}\u2026` : s : "(none)";
function publishRefusals(f) {
  const name = f.model.metadata.name;
  const out = [];
  const refuse = (field, expected, actual, what) => out.push({
    model: name,
    field,
    expected,
    actual,
    message: `${name}: ${field}: ${what}${expected !== void 0 || actual !== void 0 ? ` (expected ${short(expected)}, found ${short(actual)})` : ""}`
  });
  const spec = f.model.spec;
  const declared = spec.artifact.sha256;
  if (!declared) {
    refuse(
      "spec.artifact.sha256",
      void 0,
      void 0,
      "the manifest does not pin the artifact; run `modelgate lock` in the pull request"
    );
  }
  if (!f.artifactSha256) {
    refuse(
      "artifact",
      declared,
      void 0,
      `no artifact file (${f.artifactSource}); commit it or pass the PR run's artifact folder with --artifacts DIR`
    );
  } else if (declared && f.artifactSha256 !== declared) {
    refuse(
      "artifact",
      declared,
      f.artifactSha256,
      `${f.artifactSource} is not the file the manifest pins; publish ships only the evaluated bytes`
    );
  }
  if (f.declaredAtHead && declared && f.declaredAtHead !== declared) {
    refuse(
      "artifact.sha256 at the approved head",
      f.declaredAtHead,
      declared,
      `the artifact changed between the approved head ${f.head.slice(0, 12)} and the merge; open a new pull request for the change`
    );
  }
  const other = (f.published ?? []).find((p) => declared && p.sha256 !== declared);
  if (other) {
    refuse("spec.version", other.sha256, declared, versionTakenMessage(name, spec.version, other));
  }
  const r = f.record;
  if (!r) {
    refuse(
      "evaluation record",
      void 0,
      void 0,
      `no evaluation record at ${f.recordSource}; publish needs the passing record of the pull request's head (pass the PR run's artifact folder with --records DIR)`
    );
  } else {
    const evalName = spec.evaluation.datasets[0];
    const d = f.datasets.find((x) => x.name === evalName);
    if (r.shard)
      refuse(
        "evaluation record shard",
        void 0,
        `${r.shard.index}/${r.shard.count}`,
        "a shard's record; publish the merged record (`modelgate evaluate merge`)"
      );
    const mismatches = recordMismatches(r, {
      name,
      version: spec.version,
      task: spec.task,
      artifact: { file: f.artifactSource, sha256: f.artifactSha256, declared },
      dataset: { name: evalName, file: `the data file of ${evalName}`, sha256: d?.fileSha256, declared: d?.declared }
    });
    const seen = /* @__PURE__ */ new Set();
    for (const mm of mismatches) {
      const field = mm.field === "dataset.sha256" ? `dataset ${evalName} sha256` : `evaluation record ${mm.field}`;
      if (seen.has(`${field} ${mm.actual}`)) continue;
      seen.add(`${field} ${mm.actual}`);
      refuse(field, mm.actual, mm.record, `${staleRecordMessage(name, [mm])} (${f.recordSource})`);
    }
    if (d?.fileSha256 && d.declared && d.fileSha256 !== d.declared) {
      refuse(
        `dataset ${evalName} file`,
        d.declared,
        d.fileSha256,
        "the data file differs from its manifest; run `modelgate validate`"
      );
    }
  }
  if (f.verdict) {
    const failed = f.verdict.results.filter((x) => x.status === "fail");
    if (failed.length) {
      refuse("gates", "pass", "fail", `gate failed: ${failed.map((x) => `${x.label}: ${x.reason}`).join("; ")}`);
    } else if (f.verdict.status === "warn" && !f.allowWarn) {
      refuse("gates", "pass", "warn", "gates ended in warnings and modelgate.yaml spec.allowWarn is false");
    }
  }
  if (!f.approval.approved) {
    refuse(
      "approval",
      "success",
      f.approval.status ?? "not approved",
      `${f.approval.reason ?? "the pull request's head was not approved"}; publish ships only what reviewers approved on the evaluated head commit`
    );
  } else if (!f.approval.approvers.some((a) => a.commit === f.head)) {
    refuse(
      "approval",
      f.head,
      f.approval.approvers.map((a) => a.commit).join(", "),
      "no approval of the evaluated head commit"
    );
  }
  return out;
}
function versionTakenMessage(name, version, p) {
  return `version ${version} of ${name} was already published with another artifact (record #${p.sequence}, ${p.stageTag}, sha256 ${p.sha256.slice(0, 12)}\u2026, from ${p.source.slice(0, 12)}); a published version is immutable: bump spec.version in a new pull request`;
}

// src/publish/change.ts
var LOCAL_REPOSITORY = "registry.invalid";
function planPublish(f) {
  const registry = f.registry?.replace(/\/$/, "");
  const env = f.environments[0];
  const models = f.models.map((c) => {
    const name = c.model.metadata.name;
    const version = c.model.spec.version;
    const deploy = deployPaths(f.paths.deploy, name);
    return {
      name,
      version,
      environment: env,
      image: {
        repository: registry ? `${registry}/${name}` : `${LOCAL_REPOSITORY}/${name}`,
        ...registry ? { push: `${registry}/${name}:${version}` } : { layout: `${f.layoutDir}:${name}-${version}` },
        ...c.artifactFile ? { artifactFile: c.artifactFile } : {},
        evalRecord: c.recordFile,
        revision: f.sha
      },
      referrers: ["promotion record", "model card"],
      files: {
        ledger: promotionsPath(f.paths.records, name),
        evaluationCopy: evaluationCopyPath(f.paths.records, name, sha256Of(c.recordBytes).slice(7)),
        base: `${deploy.base}/`,
        overlays: f.environments.map((e) => ({ environment: e, path: deploy.overlay(e), pinned: e === env })),
        card: `${c.dir ? `${c.dir}/` : ""}${CARD_FILE}`
      },
      stageTag: `${name}#${env}#N`,
      versionTag: versionTag(name, version),
      checked: c
    };
  });
  return {
    sha: f.sha,
    pull: f.pull,
    approvers: f.approvers,
    ...f.approvalSource ? { approvalSource: f.approvalSource } : {},
    triggeredBy: f.triggeredBy,
    target: f.target,
    environments: f.environments,
    paths: f.paths,
    registry,
    layoutDir: f.layoutDir,
    models
  };
}
function tipReads(m) {
  return [m.files.ledger, m.files.card, ...m.files.overlays.filter((o) => !o.pinned).map((o) => o.path)];
}
function publishChange(f) {
  const { plan, model: mp, tip } = f;
  const c = mp.checked;
  const { name, version, environment } = mp;
  const ledgerText = tip.files[mp.files.ledger] ?? "";
  const { entries, problems } = parseLedger(ledgerText);
  if (problems.length) {
    throw new UserError(
      `${mp.files.ledger} on ${plan.target.branch} is damaged (line ${problems[0].line}: ${problems[0].message}); run \`modelgate audit verify ${name}\``
    );
  }
  const done = entries.find((e) => e.record.action === "publish" && e.record.source === plan.sha);
  if (done) return { kind: "already", record: done.record };
  const taken = entries.find(
    (e) => e.record.action === "publish" && e.record.model.name === name && e.record.model.version === version && e.record.model.sha256 !== c.model.spec.artifact.sha256
  );
  if (taken) {
    throw new CheckFailed(
      versionTakenMessage(name, version, {
        sequence: taken.record.sequence,
        sha256: taken.record.model.sha256,
        source: taken.record.source,
        stageTag: taken.record.stageTag
      })
    );
  }
  const tag = stageTag(name, environment, nextStageNumber(tip.tags, name, environment));
  const reference = `${mp.image.repository}@${f.image.digest}`;
  const card = renderModelCard({ ...c.card, image: reference }, tip.files[mp.files.card]);
  const pull = plan.pull;
  const appended = appendToLedger(ledgerText, {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: "publish",
    at: f.at,
    model: { name, version, sha256: c.model.spec.artifact.sha256, path: c.artifactPath },
    data: c.model.spec.evaluation.datasets.slice(0, 1).map((dn) => ({ name: dn, sha256: c.record.dataset.sha256 })),
    evaluation: {
      record: sha256Of(c.recordBytes),
      path: mp.files.evaluationCopy,
      verdict: c.verdict.status === "warn" ? "warn" : "pass",
      gates: c.verdict.results.map((g) => ({ gate: g.label, status: g.status })),
      metrics: headline(c.record)
    },
    pullRequest: { number: pull.number, author: pull.author, head: pull.head, ...pull.url ? { url: pull.url } : {} },
    approvals: plan.approvers.map((a) => ({
      reviewer: a.login,
      reviewId: a.reviewId,
      commit: a.commit,
      submittedAt: a.submittedAt
    })),
    ...plan.approvalSource ? { approvalSource: plan.approvalSource } : {},
    image: { reference, digest: f.image.digest },
    environment,
    stageTag: tag,
    source: plan.sha,
    triggeredBy: plan.triggeredBy,
    card: { path: mp.files.card, sha256: sha256Of(card).slice("sha256:".length) }
  });
  const image = { repository: mp.image.repository, digest: f.image.digest, scheme: f.image.scheme };
  const pin = { image, version, record: appended.digest };
  const files = {
    [mp.files.ledger]: appended.text,
    [mp.files.evaluationCopy]: Buffer.from(c.recordBytes).toString("utf8")
  };
  for (const [file, text] of Object.entries(renderBase(c.model, pin))) files[`${mp.files.base}${file}`] = text;
  for (const o of mp.files.overlays) {
    if (o.pinned) files[o.path] = renderOverlay(c.model, o.environment, pin);
    else if (tip.files[o.path] === void 0) files[o.path] = renderOverlay(c.model, o.environment, void 0);
  }
  files[mp.files.card] = card;
  return {
    kind: "commit",
    record: appended.record,
    digest: appended.digest,
    stageTag: tag,
    files,
    message: commitMessage(
      `Publish ${name} ${version} to ${environment}`,
      `Pull request #${pull.number} by ${pull.author}, head ${pull.head.slice(0, 12)}, merged as ${plan.sha.slice(0, 12)}.
Tag this commit to release it: git tag -a ${mp.versionTag} -m "${name} ${version}" <this commit>`,
      promotionTrailers(appended.record, appended.digest)
    ),
    tag: { name: tag, target: "HEAD", message: `${name} ${version} to ${environment} (modelgate publish)` }
  };
}
function headline(r) {
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
    "r2"
  ];
  const out = {};
  for (const k of keep) if (k in r.candidate.metrics) out[k] = r.candidate.metrics[k];
  return out;
}
function planView(plan) {
  return {
    target: plan.target,
    ...plan.registry ? { registry: plan.registry } : { layout: plan.layoutDir },
    models: plan.models.map(({ checked: _, ...m }) => m)
  };
}
function describeModelPlan(plan, m) {
  const f = m.files;
  const where = m.image.push ? `push ${m.image.push}` : `write it to the layout ${m.image.layout}`;
  return [
    `image: build ${m.image.artifactFile ?? m.checked.artifactPath} into an image and ${where}, with the evaluation record ${m.image.evalRecord} attached`,
    `commit to ${plan.target.branch} of ${plan.target.remote}: ${f.ledger} (promotion record), ${f.evaluationCopy}, ${f.base}, ${f.overlays.map((o) => `${o.path} (${o.pinned ? "pinned to the image" : "deploys nothing, when absent"})`).join(", ")}, ${f.card}`,
    `tag: ${m.stageTag} (N: the next free number); then attach the promotion record and the model card to the image`
  ];
}

// src/publish/run.ts
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

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
  const ctx = resolveContext(env, flags);
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
        status: set ?? "missing",
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
  const names = opts.models?.length ? [...new Set(opts.models)] : await changedModels(ws, sha);
  if (names.length === 0) {
    return {
      ...result,
      models: [],
      warnings: [...result.warnings, "no model's version or artifact changed in this merge: nothing to publish"]
    };
  }
  const approval = await source.approvalFor(names);
  const candidates = await gatherModels(ws, opts, names, source.pull.head, { rules, tip, target });
  const refusals = candidates.flatMap(
    (c) => publishRefusals({ ...c.facts, allowWarn: ruled.allowWarn, approval, head: source.pull.head })
  );
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
    models: candidates.map((c) => checked(ws, c, source, approval))
  });
  if (dryRun) {
    const models = plan.models.map((m) => ({
      name: m.name,
      version: m.version,
      image: { reference: "(not built: dry run)", digest: "" },
      environment: m.environment,
      tags: [],
      versionTag: m.versionTag
    }));
    return { ...result, models, plan };
  }
  const applied = await applyPublish(ws, plan, opts);
  return { ...result, ...applied, plan };
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
  const tip = await fetchBranch(ws.git, target.remote, target.branch, "refs/modelgate/publish/tip");
  const where = separateGitops ? { remote: "origin", branch: await defaultBranch(ws.git, "origin") } : target;
  const holder = separateGitops ? await fetchBranch(ws.git, where.remote, where.branch, "refs/modelgate/publish/source") : tip;
  if (!holder || !(holder === sha || await ws.git.isAncestor(sha, holder))) {
    throw new CheckFailed(
      `the merged commit ${sha.slice(0, 12)} is not on ${where.branch} of ${where.remote}${holder ? ` (its tip is ${holder.slice(0, 12)})` : " (no such branch there)"}: publish records only commits the remote has; push the merge first (\`git push ${where.remote} ${where.branch}\`), then publish`
    );
  }
  return tip;
}
async function changedModels(ws, sha) {
  const models = ws.repo.models;
  const parent = await ws.git.revParse(`${sha}^1`);
  const before = parent ? await readManifestsAt(
    ws.git,
    parent,
    models.map((m) => m.file),
    "Model"
  ) : [];
  return models.filter((m, i) => {
    const old = before[i]?.value;
    return !old || old.spec.version !== m.value.spec.version || old.spec.artifact.sha256 !== m.value.spec.artifact.sha256;
  }).map((m) => m.value.metadata.name);
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
    for (const dn of m.value.spec.evaluation.datasets.slice(0, 1)) {
      const d = repo.datasets.find((x) => x.value.metadata.name === dn);
      const p = d ? resolveInside(ws.root, d.dir, d.value.spec.path) : void 0;
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
  const parsed = evaluationRecordSchema.safeParse(JSON.parse(bytes.toString("utf8")));
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
    card: cardInputFor(ws.repo, m, record, {
      pr: { number: source.pull.number, url: source.pull.url },
      approvals: approval.approvers.map((a) => ({ reviewer: a.login, commit: a.commit, at: a.submittedAt }))
    })
  };
}
async function applyPublish(ws, plan, opts) {
  const warnings = [];
  if (!plan.registry) {
    warnings.push(
      `no registry configured (modelgate.yaml spec.registry): images are written to the layout ${repoRelative(ws.io.cwd, plan.layoutDir)}, and the overlays name them ${LOCAL_REPOSITORY}/<model>; set spec.registry to push them`
    );
  }
  const models = [];
  for (const m of plan.models) models.push(await publishModel(ws, plan, m, opts, warnings, models));
  return { models, warnings };
}
var log = (ws, line) => ws.io.err(`${line}
`);
async function publishModel(ws, plan, m, opts, warnings, done) {
  const { name, version } = m;
  log(ws, `publish ${name} ${version}: building the image`);
  const built = await buildImage(ws, plan, m, done);
  for (const w of built.warnings) warnings.push(`${name}: ${w}`);
  const reference = `${m.image.repository}@${built.digest}`;
  log(ws, `publish ${name} ${version}: image ${reference}`);
  let change;
  const written = await writeAndPush(
    ws.git,
    plan.target,
    async (tip) => {
      const files = {};
      for (const p of tipReads(m)) files[p] = await tip.read(p);
      const at = ws.now().toISOString().replace(/\.\d{3}Z$/, "Z");
      const image = { digest: built.digest, scheme: storageScheme(ws.repo.config.spec.kserve) };
      change = publishChange({ plan, model: m, image, tip: { files, tags: tip.tags }, at });
      if (change.kind === "already") return void 0;
      return { files: change.files, message: change.message, tags: [change.tag] };
    },
    { identity: ws.repo.config.spec.identity, backoffMs: opts.backoffMs, log: (line) => log(ws, line) }
  );
  if (!written || change?.kind !== "commit") {
    const r = change.record;
    log(
      ws,
      `publish ${name} ${version}: already published from ${plan.sha.slice(0, 12)} (${r.stageTag}); nothing to do`
    );
    return {
      name,
      version,
      image: r.image,
      environment: r.environment,
      tags: [r.stageTag],
      versionTag: m.versionTag,
      alreadyPublished: true
    };
  }
  await attachRecords(ws, plan, m, built, [
    {
      artifactType: ArtifactType.promotionRecord,
      mediaType: "application/json",
      title: "promotion-record.json",
      bytes: Buffer.from(`${JSON.stringify(change.record, null, 2)}
`)
    },
    {
      artifactType: ArtifactType.modelCard,
      mediaType: "text/markdown",
      title: CARD_FILE,
      bytes: Buffer.from(change.files[m.files.card] ?? "")
    }
  ]);
  return {
    name,
    version,
    image: { reference, digest: built.digest },
    environment: m.environment,
    commit: written.commit,
    tags: written.tags,
    record: m.files.ledger,
    recordDigest: change.digest,
    versionTag: m.versionTag,
    versionTagCommand: `git tag -a ${m.versionTag} -m "${name} ${version}" ${written.commit} && git push origin ${m.versionTag}`
  };
}
async function buildImage(ws, plan, m, done) {
  try {
    return await packageModel(ws, m.name, {
      evalRecord: m.image.evalRecord,
      revision: m.image.revision,
      ...m.image.artifactFile ? { artifactFile: m.image.artifactFile } : {},
      ...m.image.push ? { push: m.image.push } : { layout: m.image.layout },
      quiet: true
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const where = plan.registry ? `to ${plan.registry}` : `into ${plan.layoutDir}`;
    throw new CheckFailed(
      `could not build and push the image of ${m.name} ${m.version} ${where}: ${err.message}; nothing was committed or tagged${done.length ? ` (already published in this run: ${done.map((o) => o.name).join(", ")})` : ""}; re-run publish when the registry is reachable`
    );
  }
}
async function attachRecords(ws, plan, m, built, attachments) {
  const subject = built.descriptor;
  const artifacts = attachments.map((a) => artifactManifest(subject, a, built.created));
  if (!plan.registry) {
    for (const a of artifacts) await attachToLayout(plan.layoutDir, a);
    return;
  }
  const ref = parseReference(`${plan.registry}/${m.name}`, "registry");
  const client = new RegistryClient(ref.registry, {
    credentials: registryCredentials(ref.registry, ws.env),
    log: (line) => log(ws, line)
  });
  try {
    for (const a of artifacts) await attachToRegistry(client, ref.repository, a, subject);
  } finally {
    client.close();
  }
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

export {
  planView,
  describeModelPlan,
  runPublish
};
