import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { approvalFactsSchema } from "../approve/facts.ts";
import { readFactsFile } from "../util/facts.ts";
import { APPROVAL_CONTEXT, decideFromFacts, runApprove } from "../commands/approve.ts";
import { runPackage } from "../commands/package.ts";
import { sha256File } from "../data/hash.ts";
import { storageScheme } from "../deploy/kserve.ts";
import { deployPaths, type Pin, renderBase, renderOverlay } from "../deploy/render.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { openGit, type Git } from "../git/index.ts";
import {
  getPullRequest,
  isFromFork,
  latestCheckRun,
  latestStatus,
  pullsForCommit,
  resolveContext,
} from "../github/index.ts";
import { checkName } from "../report/publish.ts";
import { sha256Of } from "../ledger/canonical.ts";
import { appendToLedger, evaluationCopyPath, parseLedger, promotionsPath } from "../ledger/ledger.ts";
import { nextStageNumber, stageTag, versionTag } from "../ledger/tags.ts";
import { commitMessage, promotionTrailers } from "../ledger/trailers.ts";
import { defaultBranch, writeAndPush } from "../ledger/writer.ts";
import { findModel, type Loaded, loadRepository, type Repository, resolveInside } from "../manifest/repo.ts";
import { type Model, modelSchema } from "../manifest/schema.ts";
import { API_VERSION } from "../manifest/schema.ts";
import { parse as parseYaml } from "yaml";
import { parseReference } from "../oci/reference.ts";
import { ArtifactType, artifactManifest, attachToLayout, attachToRegistry } from "../oci/referrers.ts";
import { RegistryClient } from "../oci/registry.ts";
import { registryCredentials } from "../oci/credentials.ts";
import type { Descriptor } from "../oci/types.ts";
import { type EvaluationRecord, evaluationRecordSchema, recordPath } from "../records/evaluation.ts";
import type { PromotionRecord } from "../records/promotion.ts";
import { cardInputFor } from "../report/build.ts";
import { renderModelCard, CARD_FILE } from "../report/card.ts";
import { judge, type Verdict } from "../report/gates.ts";
import { bufferIo, type Io } from "../util/io.ts";
import { type Refusal, publishRefusals } from "./checks.ts";

/**
 * `modelgate publish`: on a merge to the default branch, ship exactly the bytes that were evaluated and approved.
 * For each model the merge changed: check (artifact, record, data, gates, approval), build and push the image, then
 * one commit on the GitOps branch with the overlays, the model card, the evaluation record and a chained promotion
 * record, tagged `<model>#<first env>#N`. Nothing is built or written when any check refuses.
 */

/** Where an image goes when no registry is configured: a local layout; the overlays then name this placeholder. */
export const LOCAL_REPOSITORY = "registry.invalid";

export interface PublishOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Progress and warnings go to io.err. */
  io: Io;
  models?: string[];
  /** The merged commit (default HEAD; must be what is checked out). */
  sha?: string;
  pr?: number;
  repo?: string;
  token?: string;
  /** Decide offline from this file of the facts GitHub would return (approve's facts format). */
  facts?: string;
  /** Folder of evaluation records (the PR run's artifact); default .modelgate/evaluations. */
  records?: string;
  /** Folder holding trained model files at their repository paths (the PR run's artifact). */
  artifacts?: string;
  registry?: string;
  layout?: string;
  remote?: string;
  branch?: string;
  actor?: string;
  dryRun?: boolean;
  now?: () => Date;
  http?: { retryBaseMs?: number; retries?: number; paceWrites?: boolean };
  /** Push retry tuning (tests). */
  backoffMs?: number;
}

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
  /** True when this merge was already published (nothing done). */
  alreadyPublished?: boolean;
}

export interface PublishResult {
  sha: string;
  pr?: number;
  models: PublishedModel[];
  refusals: Refusal[];
  warnings: string[];
  dryRun: boolean;
}

interface Candidate {
  m: Loaded<Model>;
  artifactPath: string;
  artifactFile?: string;
  recordFile: string;
  recordBytes?: Buffer;
  record?: EvaluationRecord;
  verdict?: Verdict;
}

const rel = (root: string, abs: string) => relative(root, abs).split(sep).join("/");

/** Models whose version or artifact digest differ from the first parent's manifests (new models count). */
async function changedModels(git: Git, repo: Repository, sha: string): Promise<string[]> {
  const parent = await git.revParse(`${sha}^1`);
  // Every manifest at the first parent in one `cat-file --batch`, not a git process per model.
  const before = parent ? await git.catFileBatch(repo.models.map((m) => `${parent}:${m.file}`)) : [];
  const out: string[] = [];
  repo.models.forEach((m, i) => {
    let old: Model | undefined;
    try {
      const text = before[i]?.content.toString("utf8");
      old = text ? modelSchema.parse(parseYaml(text)) : undefined;
    } catch {
      old = undefined;
    }
    if (
      !old ||
      old.spec.version !== m.value.spec.version ||
      old.spec.artifact.sha256 !== m.value.spec.artifact.sha256
    ) {
      out.push(m.value.metadata.name);
    }
  });
  return out;
}

interface PullFacts {
  number: number;
  author: string;
  head: string;
  url?: string;
}

interface Approval {
  approved: boolean;
  status?: string;
  reason?: string;
  approvers: { login: string; reviewId: number; commit: string; submittedAt: string }[];
}

export async function publish(opts: PublishOptions): Promise<PublishResult> {
  const log = (line: string) => opts.io.err(`${line}\n`);
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
      `--sha ${opts.sha} is ${sha.slice(0, 12)}, but HEAD is ${head.slice(0, 12)}; check out the merged commit first`,
    );
  }
  const warnings: string[] = [];
  const now = opts.now ?? (() => new Date());
  const envs = cfg.environments;
  if (envs.length === 0)
    throw new UserError("modelgate.yaml spec.environments is empty; publish pins the first environment");
  const firstEnv = envs[0].name;
  const target = {
    remote: opts.remote ?? cfg.gitops.remote ?? "origin",
    branch:
      opts.branch ?? cfg.gitops.branch ?? (await defaultBranch(git, opts.remote ?? cfg.gitops.remote ?? "origin")),
  };

  // ---- which pull request, and which models
  let pull: PullFacts;
  let approvalFor: (models: string[]) => Promise<Approval>;
  let triggeredBy = opts.actor ?? opts.env.GITHUB_ACTOR;
  if (opts.facts) {
    const factsFile = resolve(opts.cwd, opts.facts);
    const facts = readFactsFile(factsFile, approvalFactsSchema); // the same checks and messages as approve --facts
    pull = { number: facts.pr.number, author: facts.pr.author, head: facts.pr.headSha, url: facts.pr.url };
    triggeredBy ??= facts.mergedBy;
    approvalFor = async (models) => {
      const d = decideFromFacts(opts.cwd, factsFile, models).decision;
      return {
        approved: d.approved,
        status: d.state,
        reason: d.approved ? undefined : `not approved: ${d.description}`,
        approvers: d.approvers.map((a) => ({
          login: a.login,
          reviewId: a.reviewId,
          commit: a.commit,
          submittedAt: a.submittedAt,
        })),
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
          `no pull request was merged as ${sha.slice(0, 12)}; publish ships only what came through a reviewed pull request (pass --pr N if GitHub does not associate it)`,
        );
      }
      number = merged.number;
    }
    const pr = await getPullRequest(ctx, number);
    pull = { number: pr.number, author: pr.author, head: pr.headSha, url: pr.htmlUrl };
    const fork = isFromFork(ctx, pr);
    approvalFor = async (models) => {
      if (fork) {
        // A fork's run made its own record: the numbers publish may trust are those the privileged report job
        // recomputed from the ONNX file, shown as the check run `modelgate / MODEL` on the head (only an app writes
        // check runs, so a fork cannot forge one).
        for (const model of models) {
          const run = await latestCheckRun(ctx, pr.headSha, checkName(model)).catch(() => undefined);
          if (run?.conclusion !== "success") {
            return {
              approved: false,
              status: `${checkName(model)}: ${run ? (run.conclusion ?? run.status) : "no check run"}`,
              reason: `pull request #${pr.number} comes from a fork, whose own evaluation record is not trusted; the check run ${checkName(model)} on its head (the report job's recomputation) must be success`,
              approvers: [],
            };
          }
        }
      }
      const status = await latestStatus(ctx, pr.headSha, APPROVAL_CONTEXT).catch((err: Error) => ({
        state: `unreadable (${err.message})`,
        description: null,
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
        http: opts.http,
      });
      const d = res.decision;
      const approved = status?.state === "success" && d.approved && !res.apiError;
      return {
        approved,
        status: status?.state ?? "missing",
        reason:
          status?.state !== "success"
            ? `the head commit ${pr.headSha.slice(0, 12)} has ${APPROVAL_CONTEXT} = ${status?.state ?? "no status"}`
            : res.apiError
              ? `the reviews could not be read back: ${res.apiError}`
              : `the reviews read back do not satisfy the policy: ${d.description}`,
        approvers: d.approvers.map((a) => ({
          login: a.login,
          reviewId: a.reviewId,
          commit: a.commit,
          submittedAt: a.submittedAt,
        })),
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
      dryRun: Boolean(opts.dryRun),
    };
  }

  // ---- gather and check, every model, before anything is written
  const recordsDir = opts.records ? resolve(opts.cwd, opts.records) : join(root, ".modelgate", "evaluations");
  const candidates: Candidate[] = [];
  const refusals: Refusal[] = [];
  const approval = await approvalFor(names);
  // Models that share an evaluation dataset hash its file once.
  const dataDigests = new Map<string, Promise<string>>();
  const dataDigest = (abs: string) => {
    let d = dataDigests.get(abs);
    if (!d) dataDigests.set(abs, (d = sha256File(abs)));
    return d;
  };
  for (const name of names) {
    const m = findModel(repo, name);
    const art = resolveInside(root, m.dir, m.value.spec.artifact.path);
    if (art.error) throw new UserError(art.error);
    const artifactPath = rel(root, art.abs);
    const declared = m.value.spec.artifact.sha256;
    let artifactFile: string | undefined;
    let artifactSha: string | undefined;
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
    let record: EvaluationRecord | undefined;
    let recordBytes: Buffer | undefined;
    if (existsSync(recordFile)) {
      recordBytes = readFileSync(recordFile);
      const parsed = evaluationRecordSchema.safeParse(JSON.parse(recordBytes.toString("utf8")));
      if (!parsed.success)
        throw new UserError(
          `${recordFile}: not a valid evaluation record: ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`,
        );
      record = parsed.data;
    }
    const datasets = [];
    for (const dn of m.value.spec.evaluation.datasets.slice(0, 1)) {
      const d = repo.datasets.find((x) => x.value.metadata.name === dn);
      const p = d ? resolveInside(root, d.dir, d.value.spec.path) : undefined;
      datasets.push({
        name: dn,
        declared: d?.value.spec.sha256,
        fileSha256: p && !p.error && existsSync(p.abs) ? await dataDigest(p.abs) : undefined,
      });
    }
    const verdict = record ? judge({ model: m.value, record }) : undefined;
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
        declaredAtHead,
      }),
    );
    candidates.push({ m, artifactPath, artifactFile, recordFile, recordBytes, record, verdict });
  }
  if (refusals.length > 0 || opts.dryRun) {
    return {
      sha,
      pr: pull.number,
      models: refusals.length
        ? []
        : candidates.map((c) => ({
            name: c.m.value.metadata.name,
            version: c.m.value.spec.version,
            image: { reference: "(not built: dry run)", digest: "" },
            environment: firstEnv,
            tags: [],
            versionTag: versionTag(c.m.value.metadata.name, c.m.value.spec.version),
          })),
      refusals,
      warnings,
      dryRun: Boolean(opts.dryRun),
    };
  }

  // ---- build and push every image (content-addressed, so a rerun pushes nothing new)
  const registry = opts.registry ?? cfg.registry;
  const scheme = storageScheme(cfg.kserve);
  const layoutDir = opts.layout ? resolve(opts.cwd, opts.layout) : join(root, ".modelgate", "images");
  if (!registry) {
    warnings.push(
      `no registry configured (modelgate.yaml spec.registry): images are written to the layout ${rel(opts.cwd, layoutDir)}, and the overlays name them ${LOCAL_REPOSITORY}/<model>; set spec.registry to push them`,
    );
  }
  const out: PublishedModel[] = [];
  for (const c of candidates) {
    const name = c.m.value.metadata.name;
    const version = c.m.value.spec.version;
    log(`publish ${name} ${version}: building the image`);
    const pkgArgs = [name, "--eval-record", c.recordFile, "--revision", sha];
    if (c.artifactFile && rel(root, c.artifactFile) !== c.artifactPath) pkgArgs.push("--artifact-file", c.artifactFile);
    if (registry) pkgArgs.push("--push", `${registry.replace(/\/$/, "")}/${name}:${version}`);
    else pkgArgs.push("--layout", `${layoutDir}:${name}-${version}`);
    const pio = bufferIo(opts.cwd, opts.env);
    let built: Awaited<ReturnType<typeof runPackage>>;
    try {
      built = await runPackage(pkgArgs, pio);
    } catch (err) {
      if (err instanceof UserError) throw err;
      const where = registry ? `to ${registry}` : `into ${layoutDir}`;
      throw new CheckFailed(
        `could not build and push the image of ${name} ${version} ${where}: ${(err as Error).message}; nothing was committed or tagged${out.length ? ` (already published in this run: ${out.map((o) => o.name).join(", ")})` : ""}; re-run publish when the registry is reachable`,
      );
    }
    for (const w of built.warnings) warnings.push(`${name}: ${w}`);
    const repository = registry ? `${registry.replace(/\/$/, "")}/${name}` : `${LOCAL_REPOSITORY}/${name}`;
    const image = {
      repository,
      digest: built.digest,
      scheme,
    };
    const reference = `${repository}@${built.digest}`;
    log(`publish ${name} ${version}: image ${reference}`);

    // ---- one commit on the GitOps branch: overlays, card, evaluation record, promotion record; tag it
    const recordHex = sha256Of(c.recordBytes!).slice(7);
    const evalCopy = evaluationCopyPath(cfg.paths.records, name, recordHex);
    const ledgerPath = promotionsPath(cfg.paths.records, name);
    const paths = deployPaths(cfg.paths.deploy, name);
    const cardPath = rel(root, join(c.m.dir, CARD_FILE));
    let landed: { record: PromotionRecord; digest: string } | undefined;
    let already: PromotionRecord | undefined;
    const result = await writeAndPush(
      git,
      target,
      async (tip) => {
        const ledgerText = (await tip.read(ledgerPath)) ?? "";
        const { entries, problems } = parseLedger(ledgerText);
        if (problems.length) {
          throw new UserError(
            `${ledgerPath} on ${target.branch} is damaged (line ${problems[0].line}: ${problems[0].message}); run \`modelgate audit verify ${name}\``,
          );
        }
        const done = entries.find((e) => e.record.action === "publish" && e.record.source === sha);
        if (done) {
          already = done.record;
          return undefined;
        }
        const n = nextStageNumber(tip.tags, name, firstEnv);
        const tag = stageTag(name, firstEnv, n);
        const appended = appendToLedger(ledgerText, {
          apiVersion: API_VERSION,
          kind: "PromotionRecord",
          action: "publish",
          at: now()
            .toISOString()
            .replace(/\.\d{3}Z$/, "Z"),
          model: { name, version, sha256: c.m.value.spec.artifact.sha256!, path: c.artifactPath },
          data: c.m.value.spec.evaluation.datasets
            .slice(0, 1)
            .map((dn) => ({ name: dn, sha256: c.record!.dataset.sha256 })),
          evaluation: {
            record: `sha256:${recordHex}`,
            path: evalCopy,
            verdict: c.verdict!.status === "warn" ? "warn" : "pass",
            gates: c.verdict!.results.map((g) => ({ gate: g.label, status: g.status })),
            metrics: headline(c.record!),
          },
          pullRequest: {
            number: pull.number,
            author: pull.author,
            head: pull.head,
            ...(pull.url ? { url: pull.url } : {}),
          },
          approvals: approval.approvers.map((a) => ({
            reviewer: a.login,
            reviewId: a.reviewId,
            commit: a.commit,
            submittedAt: a.submittedAt,
          })),
          image: { reference, digest: built.digest },
          environment: firstEnv,
          stageTag: tag,
          source: sha,
          triggeredBy,
        });
        landed = { record: appended.record, digest: appended.digest };
        const pin: Pin = { image, version, record: appended.digest };
        const files: Record<string, string> = {
          [ledgerPath]: appended.text,
          [evalCopy]: c.recordBytes!.toString("utf8"),
        };
        for (const [f, text] of Object.entries(renderBase(c.m.value, pin))) files[`${paths.base}/${f}`] = text;
        for (const e of envs) {
          const p = paths.overlay(e.name);
          if (e.name === firstEnv) files[p] = renderOverlay(c.m.value, e.name, pin);
          else if ((await tip.read(p)) === undefined) files[p] = renderOverlay(c.m.value, e.name, undefined);
        }
        const card = cardInputFor(repo, c.m, c.record, {
          pr: { number: pull.number, url: pull.url },
          approvals: approval.approvers.map((a) => ({ reviewer: a.login, commit: a.commit, at: a.submittedAt })),
        });
        files[cardPath] = renderModelCard({ ...card, image: reference }, await tip.read(cardPath));
        const trailers = promotionTrailers(appended.record, appended.digest);
        return {
          files,
          message: commitMessage(
            `Publish ${name} ${version} to ${firstEnv}`,
            `Pull request #${pull.number} by ${pull.author}, head ${pull.head.slice(0, 12)}, merged as ${sha.slice(0, 12)}.\nTag this commit to release it: git tag -a ${versionTag(name, version)} -m "${name} ${version}" <this commit>`,
            trailers,
          ),
          tags: [{ name: tag, target: "HEAD", message: `${name} ${version} to ${firstEnv} (modelgate publish)` }],
        };
      },
      { identity: cfg.identity, backoffMs: opts.backoffMs, log },
    );
    if (!result) {
      const r = already!;
      log(`publish ${name} ${version}: already published from ${sha.slice(0, 12)} (${r.stageTag}); nothing to do`);
      out.push({
        name,
        version,
        image: r.image,
        environment: r.environment,
        tags: [r.stageTag],
        versionTag: versionTag(name, version),
        alreadyPublished: true,
      });
      continue;
    }
    // The final promotion record and the card, attached to the image as referrers.
    await attachRecords(
      registry ? { registry: registry.replace(/\/$/, ""), repository: name } : { layout: layoutDir },
      built.descriptor,
      [
        {
          artifactType: ArtifactType.promotionRecord,
          mediaType: "application/json",
          title: "promotion-record.json",
          bytes: Buffer.from(`${JSON.stringify(landed!.record, null, 2)}\n`),
        },
        {
          artifactType: ArtifactType.modelCard,
          mediaType: "text/markdown",
          title: CARD_FILE,
          bytes: Buffer.from((await git.show(result.commit, cardPath)) ?? ""),
        },
      ],
      built.created,
      opts.env,
      log,
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
      recordDigest: landed!.digest,
      versionTag: vt,
      versionTagCommand: `git tag -a ${vt} -m "${name} ${version}" ${result.commit} && git push origin ${vt}`,
    });
  }
  return { sha, pr: pull.number, models: out, refusals: [], warnings, dryRun: false };
}

/** The headline metrics of a record: the candidate's, as numbers (no curves). */
function headline(r: EvaluationRecord): Record<string, number | null> {
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
    "r2",
  ];
  const out: Record<string, number | null> = {};
  for (const k of keep) if (k in r.candidate.metrics) out[k] = r.candidate.metrics[k];
  return out;
}

/**
 * The artifact digest the model's manifest pinned at a commit (the approved head): what the reviewers approved and
 * the head's evaluation evaluated. Undefined when the commit or the manifest is not in this clone.
 */
async function declaredAt(git: Git, commit: string, manifestPath: string): Promise<string | undefined> {
  const text = await git.show(commit, manifestPath);
  if (!text) return undefined;
  try {
    const sha = (parseYaml(text) as { spec?: { artifact?: { sha256?: unknown } } })?.spec?.artifact?.sha256;
    return typeof sha === "string" ? sha : undefined;
  } catch {
    return undefined;
  }
}

async function attachRecords(
  where: { registry: string; repository: string } | { layout: string },
  subject: Descriptor,
  attachments: { artifactType: string; mediaType: string; title: string; bytes: Uint8Array }[],
  created: string,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void,
): Promise<void> {
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
