import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  defaultBranch,
  writeAndPush
} from "./chunk-BWLPWRXU.js";
import {
  CARD_FILE,
  cardInputFor,
  checkName,
  renderModelCard
} from "./chunk-4LUOGSUL.js";
import {
  APPROVAL_CONTEXT,
  approvalFactsSchema,
  decideFromFacts,
  runApprove
} from "./chunk-HHQQWPH4.js";
import {
  readFactsFile
} from "./chunk-ECKY5JUV.js";
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
  versionTag
} from "./chunk-EKUXUDFH.js";
import {
  judge
} from "./chunk-XIVYAOOT.js";
import {
  bufferIo
} from "./chunk-UJGMECAW.js";
import {
  ArtifactType,
  artifactManifest,
  attachToLayout,
  attachToRegistry,
  runPackage
} from "./chunk-K2AJR3YN.js";
import {
  RegistryClient,
  parseReference,
  registryCredentials
} from "./chunk-AJ5XNGRM.js";
import {
  recordMismatches,
  staleRecordMessage
} from "./chunk-APYTJLRR.js";
import {
  evaluationRecordSchema,
  recordPath
} from "./chunk-4C7CTABB.js";
import {
  sha256File
} from "./chunk-AJFWQFH3.js";
import {
  getPullRequest,
  isFromFork,
  latestCheckRun,
  latestStatus,
  pullsForCommit,
  resolveContext
} from "./chunk-BQKVR4UH.js";
import {
  findModel,
  loadRepository,
  resolveInside
} from "./chunk-ZY5OX6SA.js";
import {
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  API_VERSION,
  modelSchema,
  require_dist
} from "./chunk-WARMS5WM.js";
import {
  CheckFailed,
  UserError
} from "./chunk-7SHYJVU3.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/publish/publish.ts
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
var import_yaml = __toESM(require_dist(), 1);

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

// src/publish/publish.ts
var LOCAL_REPOSITORY = "registry.invalid";
var rel = (root, abs) => relative(root, abs).split(sep).join("/");
async function changedModels(git, repo, sha) {
  const parent = await git.revParse(`${sha}^1`);
  const before = parent ? await git.catFileBatch(repo.models.map((m) => `${parent}:${m.file}`)) : [];
  const out = [];
  repo.models.forEach((m, i) => {
    let old;
    try {
      const text = before[i]?.content.toString("utf8");
      old = text ? modelSchema.parse((0, import_yaml.parse)(text)) : void 0;
    } catch {
      old = void 0;
    }
    if (!old || old.spec.version !== m.value.spec.version || old.spec.artifact.sha256 !== m.value.spec.artifact.sha256) {
      out.push(m.value.metadata.name);
    }
  });
  return out;
}
async function publish(opts) {
  const log = (line) => opts.io.err(`${line}
`);
  const repo = loadRepository(opts.cwd);
  const root = repo.root;
  const cfg = repo.config.spec;
  const git = openGit(root, { env: opts.env });
  const head = await git.revParse("HEAD");
  if (!head) throw new UserError(`${root} has no commit checked out; publish runs on the merged commit`);
  const sha = opts.sha ? await git.revParse(opts.sha) : head;
  if (!sha) throw new UserError(`--sha ${opts.sha} is not a commit in ${root}`);
  if (sha !== head) {
    throw new UserError(
      `--sha ${opts.sha} is ${sha.slice(0, 12)}, but HEAD is ${head.slice(0, 12)}; check out the merged commit first`
    );
  }
  const warnings = [];
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const envs = cfg.environments;
  if (envs.length === 0)
    throw new UserError("modelgate.yaml spec.environments is empty; publish pins the first environment");
  const firstEnv = envs[0].name;
  const target = {
    remote: opts.remote ?? cfg.gitops.remote ?? "origin",
    branch: opts.branch ?? cfg.gitops.branch ?? await defaultBranch(git, opts.remote ?? cfg.gitops.remote ?? "origin")
  };
  let pull;
  let approvalFor;
  let triggeredBy = opts.actor ?? opts.env.GITHUB_ACTOR;
  if (opts.facts) {
    const factsFile = resolve(opts.cwd, opts.facts);
    const facts = readFactsFile(factsFile, approvalFactsSchema);
    pull = { number: facts.pr.number, author: facts.pr.author, head: facts.pr.headSha, url: facts.pr.url };
    triggeredBy ??= facts.mergedBy;
    approvalFor = async (models) => {
      const d = decideFromFacts(opts.cwd, factsFile, models).decision;
      return {
        approved: d.approved,
        status: d.state,
        reason: d.approved ? void 0 : `not approved: ${d.description}`,
        approvers: d.approvers.map((a) => ({
          login: a.login,
          reviewId: a.reviewId,
          commit: a.commit,
          submittedAt: a.submittedAt
        }))
      };
    };
  } else {
    const ctx = resolveContext(opts.env, { repo: opts.repo, pr: opts.pr, token: opts.token, http: opts.http });
    let number = opts.pr;
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
    pull = { number: pr.number, author: pr.author, head: pr.headSha, url: pr.htmlUrl };
    const fork = isFromFork(ctx, pr);
    approvalFor = async (models) => {
      if (fork) {
        for (const model of models) {
          const run = await latestCheckRun(ctx, pr.headSha, checkName(model)).catch(() => void 0);
          if (run?.conclusion !== "success") {
            return {
              approved: false,
              status: `${checkName(model)}: ${run ? run.conclusion ?? run.status : "no check run"}`,
              reason: `pull request #${pr.number} comes from a fork, whose own evaluation record is not trusted; the check run ${checkName(model)} on its head (the report job's recomputation) must be success`,
              approvers: []
            };
          }
        }
      }
      const status = await latestStatus(ctx, pr.headSha, APPROVAL_CONTEXT).catch((err) => ({
        state: `unreadable (${err.message})`,
        description: null
      }));
      const res = await runApprove({
        cwd: opts.cwd,
        env: opts.env,
        repo: opts.repo,
        pr: pr.number,
        token: opts.token,
        models,
        status: false,
        comment: false,
        http: opts.http
      });
      const d = res.decision;
      const approved = status?.state === "success" && d.approved && !res.apiError;
      return {
        approved,
        status: status?.state ?? "missing",
        reason: status?.state !== "success" ? `the head commit ${pr.headSha.slice(0, 12)} has ${APPROVAL_CONTEXT} = ${status?.state ?? "no status"}` : res.apiError ? `the reviews could not be read back: ${res.apiError}` : `the reviews read back do not satisfy the policy: ${d.description}`,
        approvers: d.approvers.map((a) => ({
          login: a.login,
          reviewId: a.reviewId,
          commit: a.commit,
          submittedAt: a.submittedAt
        }))
      };
    };
  }
  triggeredBy ??= "unknown";
  const names = opts.models?.length ? [...new Set(opts.models)] : await changedModels(git, repo, sha);
  if (names.length === 0) {
    return {
      sha,
      pr: pull.number,
      models: [],
      refusals: [],
      warnings: ["no model's version or artifact changed in this merge: nothing to publish"],
      dryRun: Boolean(opts.dryRun)
    };
  }
  const recordsDir = opts.records ? resolve(opts.cwd, opts.records) : join(root, ".modelgate", "evaluations");
  const candidates = [];
  const refusals = [];
  const approval = await approvalFor(names);
  const dataDigests = /* @__PURE__ */ new Map();
  const dataDigest = (abs) => {
    let d = dataDigests.get(abs);
    if (!d) dataDigests.set(abs, d = sha256File(abs));
    return d;
  };
  for (const name of names) {
    const m = findModel(repo, name);
    const art = resolveInside(root, m.dir, m.value.spec.artifact.path);
    if (art.error) throw new UserError(art.error);
    const artifactPath = rel(root, art.abs);
    const declared = m.value.spec.artifact.sha256;
    let artifactFile;
    let artifactSha;
    let artifactSource = artifactPath;
    if (existsSync(art.abs)) {
      artifactSha = await sha256File(art.abs);
      artifactFile = art.abs;
    }
    if (artifactSha !== declared && opts.artifacts) {
      const carried = resolve(opts.cwd, opts.artifacts, artifactPath);
      if (existsSync(carried)) {
        const d = await sha256File(carried);
        if (d === declared || !artifactSha) {
          artifactSha = d;
          artifactFile = carried;
          artifactSource = `${rel(opts.cwd, carried)} (carried from the pull request's run)`;
        }
      }
    }
    const recordFile = opts.records ? join(recordsDir, `${name}.json`) : join(root, recordPath(name));
    let record;
    let recordBytes;
    if (existsSync(recordFile)) {
      recordBytes = readFileSync(recordFile);
      const parsed = evaluationRecordSchema.safeParse(JSON.parse(recordBytes.toString("utf8")));
      if (!parsed.success)
        throw new UserError(
          `${recordFile}: not a valid evaluation record: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`
        );
      record = parsed.data;
    }
    const datasets = [];
    for (const dn of m.value.spec.evaluation.datasets.slice(0, 1)) {
      const d = repo.datasets.find((x) => x.value.metadata.name === dn);
      const p = d ? resolveInside(root, d.dir, d.value.spec.path) : void 0;
      datasets.push({
        name: dn,
        declared: d?.value.spec.sha256,
        fileSha256: p && !p.error && existsSync(p.abs) ? await dataDigest(p.abs) : void 0
      });
    }
    const verdict = record ? judge({ model: m.value, record }) : void 0;
    const declaredAtHead = await declaredAt(git, pull.head, m.file);
    refusals.push(
      ...publishRefusals({
        model: m.value,
        artifactSha256: artifactSha,
        artifactSource,
        record,
        recordSource: rel(opts.cwd, recordFile),
        datasets,
        verdict,
        allowWarn: cfg.allowWarn,
        approval,
        head: pull.head,
        declaredAtHead
      })
    );
    candidates.push({ m, artifactPath, artifactFile, recordFile, recordBytes, record, verdict });
  }
  if (refusals.length > 0 || opts.dryRun) {
    return {
      sha,
      pr: pull.number,
      models: refusals.length ? [] : candidates.map((c) => ({
        name: c.m.value.metadata.name,
        version: c.m.value.spec.version,
        image: { reference: "(not built: dry run)", digest: "" },
        environment: firstEnv,
        tags: [],
        versionTag: versionTag(c.m.value.metadata.name, c.m.value.spec.version)
      })),
      refusals,
      warnings,
      dryRun: Boolean(opts.dryRun)
    };
  }
  const registry = opts.registry ?? cfg.registry;
  const layoutDir = opts.layout ? resolve(opts.cwd, opts.layout) : join(root, ".modelgate", "images");
  if (!registry) {
    warnings.push(
      `no registry configured (modelgate.yaml spec.registry): images are written to the layout ${rel(opts.cwd, layoutDir)}, and the overlays name them ${LOCAL_REPOSITORY}/<model>; set spec.registry to push them`
    );
  }
  const out = [];
  for (const c of candidates) {
    const name = c.m.value.metadata.name;
    const version = c.m.value.spec.version;
    log(`publish ${name} ${version}: building the image`);
    const pkgArgs = [name, "--eval-record", c.recordFile, "--revision", sha];
    if (c.artifactFile && rel(root, c.artifactFile) !== c.artifactPath) pkgArgs.push("--artifact-file", c.artifactFile);
    if (registry) pkgArgs.push("--push", `${registry.replace(/\/$/, "")}/${name}:${version}`);
    else pkgArgs.push("--layout", `${layoutDir}:${name}-${version}`);
    const pio = bufferIo(opts.cwd, opts.env);
    let built;
    try {
      built = await runPackage(pkgArgs, pio);
    } catch (err) {
      if (err instanceof UserError) throw err;
      const where = registry ? `to ${registry}` : `into ${layoutDir}`;
      throw new CheckFailed(
        `could not build and push the image of ${name} ${version} ${where}: ${err.message}; nothing was committed or tagged${out.length ? ` (already published in this run: ${out.map((o) => o.name).join(", ")})` : ""}; re-run publish when the registry is reachable`
      );
    }
    for (const w of built.warnings) warnings.push(`${name}: ${w}`);
    const repository = registry ? `${registry.replace(/\/$/, "")}/${name}` : `${LOCAL_REPOSITORY}/${name}`;
    const image = {
      repository,
      digest: built.digest,
      hasShell: built.base.name !== "scratch"
    };
    const reference = `${repository}@${built.digest}`;
    log(`publish ${name} ${version}: image ${reference}`);
    const recordHex = sha256Of(c.recordBytes).slice(7);
    const evalCopy = evaluationCopyPath(cfg.paths.records, name, recordHex);
    const ledgerPath = promotionsPath(cfg.paths.records, name);
    const paths = deployPaths(cfg.paths.deploy, name);
    const cardPath = rel(root, join(c.m.dir, CARD_FILE));
    let landed;
    let already;
    const result = await writeAndPush(
      git,
      target,
      async (tip) => {
        const ledgerText = await tip.read(ledgerPath) ?? "";
        const { entries, problems } = parseLedger(ledgerText);
        if (problems.length) {
          throw new UserError(
            `${ledgerPath} on ${target.branch} is damaged (line ${problems[0].line}: ${problems[0].message}); run \`modelgate audit verify ${name}\``
          );
        }
        const done = entries.find((e) => e.record.action === "publish" && e.record.source === sha);
        if (done) {
          already = done.record;
          return void 0;
        }
        const n = nextStageNumber(tip.tags, name, firstEnv);
        const tag = stageTag(name, firstEnv, n);
        const appended = appendToLedger(ledgerText, {
          apiVersion: API_VERSION,
          kind: "PromotionRecord",
          action: "publish",
          at: now().toISOString().replace(/\.\d{3}Z$/, "Z"),
          model: { name, version, sha256: c.m.value.spec.artifact.sha256, path: c.artifactPath },
          data: c.m.value.spec.evaluation.datasets.slice(0, 1).map((dn) => ({ name: dn, sha256: c.record.dataset.sha256 })),
          evaluation: {
            record: `sha256:${recordHex}`,
            path: evalCopy,
            verdict: c.verdict.status === "warn" ? "warn" : "pass",
            gates: c.verdict.results.map((g) => ({ gate: g.label, status: g.status })),
            metrics: headline(c.record)
          },
          pullRequest: {
            number: pull.number,
            author: pull.author,
            head: pull.head,
            ...pull.url ? { url: pull.url } : {}
          },
          approvals: approval.approvers.map((a) => ({
            reviewer: a.login,
            reviewId: a.reviewId,
            commit: a.commit,
            submittedAt: a.submittedAt
          })),
          image: { reference, digest: built.digest },
          environment: firstEnv,
          stageTag: tag,
          source: sha,
          triggeredBy
        });
        landed = { record: appended.record, digest: appended.digest };
        const pin = { image, version, record: appended.digest };
        const files = {
          [ledgerPath]: appended.text,
          [evalCopy]: c.recordBytes.toString("utf8")
        };
        for (const [f, text] of Object.entries(renderBase(c.m.value, pin))) files[`${paths.base}/${f}`] = text;
        for (const e of envs) {
          const p = paths.overlay(e.name);
          if (e.name === firstEnv) files[p] = renderOverlay(c.m.value, e.name, pin);
          else if (await tip.read(p) === void 0) files[p] = renderOverlay(c.m.value, e.name, void 0);
        }
        const card = cardInputFor(repo, c.m, c.record, {
          pr: { number: pull.number, url: pull.url },
          approvals: approval.approvers.map((a) => ({ reviewer: a.login, commit: a.commit, at: a.submittedAt }))
        });
        files[cardPath] = renderModelCard({ ...card, image: reference }, await tip.read(cardPath));
        const trailers = promotionTrailers(appended.record, appended.digest);
        return {
          files,
          message: commitMessage(
            `Publish ${name} ${version} to ${firstEnv}`,
            `Pull request #${pull.number} by ${pull.author}, head ${pull.head.slice(0, 12)}, merged as ${sha.slice(0, 12)}.
Tag this commit to release it: git tag -a ${versionTag(name, version)} -m "${name} ${version}" <this commit>`,
            trailers
          ),
          tags: [{ name: tag, target: "HEAD", message: `${name} ${version} to ${firstEnv} (modelgate publish)` }]
        };
      },
      { identity: cfg.identity, backoffMs: opts.backoffMs, log }
    );
    if (!result) {
      const r = already;
      log(`publish ${name} ${version}: already published from ${sha.slice(0, 12)} (${r.stageTag}); nothing to do`);
      out.push({
        name,
        version,
        image: r.image,
        environment: r.environment,
        tags: [r.stageTag],
        versionTag: versionTag(name, version),
        alreadyPublished: true
      });
      continue;
    }
    await attachRecords(
      registry ? { registry: registry.replace(/\/$/, ""), repository: name } : { layout: layoutDir },
      built.descriptor,
      [
        {
          artifactType: ArtifactType.promotionRecord,
          mediaType: "application/json",
          title: "promotion-record.json",
          bytes: Buffer.from(`${JSON.stringify(landed.record, null, 2)}
`)
        },
        {
          artifactType: ArtifactType.modelCard,
          mediaType: "text/markdown",
          title: CARD_FILE,
          bytes: Buffer.from(await git.show(result.commit, cardPath) ?? "")
        }
      ],
      built.created,
      opts.env,
      log
    );
    const vt = versionTag(name, version);
    out.push({
      name,
      version,
      image: { reference, digest: built.digest },
      environment: firstEnv,
      commit: result.commit,
      tags: result.tags,
      record: ledgerPath,
      recordDigest: landed.digest,
      versionTag: vt,
      versionTagCommand: `git tag -a ${vt} -m "${name} ${version}" ${result.commit} && git push origin ${vt}`
    });
  }
  return { sha, pr: pull.number, models: out, refusals: [], warnings, dryRun: false };
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
    "accuracy",
    "mae",
    "rmse",
    "r2"
  ];
  const out = {};
  for (const k of keep) if (k in r.candidate.metrics) out[k] = r.candidate.metrics[k];
  return out;
}
async function declaredAt(git, commit, manifestPath) {
  const text = await git.show(commit, manifestPath);
  if (!text) return void 0;
  try {
    const sha = (0, import_yaml.parse)(text)?.spec?.artifact?.sha256;
    return typeof sha === "string" ? sha : void 0;
  } catch {
    return void 0;
  }
}
async function attachRecords(where, subject, attachments, created, env, log) {
  const artifacts = attachments.map((a) => artifactManifest(subject, a, created));
  if ("layout" in where) {
    for (const a of artifacts) await attachToLayout(where.layout, a);
    return;
  }
  const ref = parseReference(`${where.registry}/${where.repository}`, "registry");
  const client = new RegistryClient(ref.registry, { credentials: registryCredentials(ref.registry, env), log });
  try {
    for (const a of artifacts) await attachToRegistry(client, ref.repository, a, subject);
  } finally {
    client.close();
  }
}

export {
  publish
};
