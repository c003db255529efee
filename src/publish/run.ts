import { gitopsFacts } from "../deploy/gitops.ts";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { attestSetup } from "../attest/setup.ts";
import { sha256File } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import type { ClientTuning } from "../github/index.ts";
import {
  type RuleSet,
  readRulesAt,
  ruleChangeNotice,
  ruleChanges,
  rulesOfCheckout,
  rulesOrigin,
} from "../approve/rules.ts";
import { fetchBranch } from "../git/remote.ts";
import { parseLedger, promotionsPath } from "../ledger/ledger.ts";
import { defaultBranch, readTip } from "../ledger/writer.ts";
import { readManifestsAt } from "../manifest/at-commit.ts";
import { unbumpedVersion } from "../manifest/bump.ts";
import { findModel, repoRelative, resolveInside } from "../manifest/repo.ts";
import { isRemote, localFile, resolveSource, storageContext } from "../storage/source.ts";
import { evaluationRecordSchema, recordPath } from "../records/evaluation.ts";
import { cardInputFor } from "../report/build.ts";
import { judge } from "../report/gates.ts";
import { refuseFactsInActions } from "../util/facts.ts";
import type { Io } from "../util/io.ts";
import { openWorkspace, type Workspace } from "../workspace/workspace.ts";
import { applyPublish, type PublishedModel } from "./apply.ts";
import { type Approval, type ApprovalSource, approvalFromFacts, approvalFromGitHub } from "./approval.ts";
import { type CheckedModel, type PublishPlan, planPublish } from "./change.ts";
import { type PublishedVersion, type PublishFacts, publishRefusals, type Refusal } from "./checks.ts";
import { preflight } from "./tip.ts";

/**
 * The publish service: on a merge to the default branch, ship exactly the bytes that were evaluated and approved.
 * It gathers the facts (the merged commit, its pull request and approval, each changed model's artifact, record and
 * data), checks every model before anything is built or written, plans (src/publish/change.ts), and applies the plan:
 * each image built and pushed by the package service, then one commit on the GitOps branch with the overlays, the
 * model card, the evaluation record and a chained promotion record, tagged `<model>#<first env>#N`, and the records
 * attached to the image. `dryRun` stops at the plan.
 */

export type { PublishedModel } from "./apply.ts";
export { LOCAL_REPOSITORY } from "./change.ts";

export interface PublishOptions {
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
  http?: ClientTuning;
  /** Push retry tuning (tests). */
  backoffMs?: number;
  /** Sign the records' Statements with this ECDSA P-256 PEM key (default: MODELGATE_SIGNING_KEY). */
  signingKey?: string;
  /** Where the Statements for the workflow's actions/attest step go (default: $RUNNER_TEMP/modelgate-attest). */
  statementsDir?: string;
}

export interface PublishResult {
  sha: string;
  pr?: number;
  models: PublishedModel[];
  refusals: Refusal[];
  warnings: string[];
  dryRun: boolean;
  /** What would be (or was) built and written, when every check passed. */
  plan?: PublishPlan;
}

/** Gathers, checks, plans and (unless a dry run) applies. Progress and warnings go to ws.io.err. */
export async function runPublish(ws: Workspace, opts: PublishOptions): Promise<PublishResult> {
  if (opts.facts) refuseFactsInActions(ws.env, "publish");
  const cfg = ws.repo.config.spec;
  const sha = await mergedCommit(ws, opts.sha);
  // The rules that judge the merge (gates, approval policy, environments, allowWarn, whose status counts) are its
  // first parent's: a pull request cannot loosen the rules it is judged by.
  const rules = await firstParentRules(ws, sha);
  const ruled = rules.config.spec;
  if (ruled.environments.length === 0)
    throw new UserError("modelgate.yaml spec.environments is empty; publish pins the first environment");
  const remote = opts.remote ?? cfg.gitops.remote ?? "origin";
  const target = { remote, branch: opts.branch ?? cfg.gitops.branch ?? (await defaultBranch(ws.git, remote)) };
  const tip = await sourceOnRemote(ws, sha, target, Boolean(cfg.gitops.remote && !opts.remote));
  const source: ApprovalSource = opts.facts
    ? approvalFromFacts(rules, resolve(ws.io.cwd, opts.facts))
    : await approvalFromGitHub(
        rules,
        ws.env,
        { repo: opts.repo, pr: opts.pr, token: opts.token, http: opts.http },
        sha,
      );
  const triggeredBy = opts.actor ?? ws.env.GITHUB_ACTOR ?? source.mergedBy ?? "unknown";
  const dryRun = Boolean(opts.dryRun);
  const notice = ruleChangeNotice(
    ruleChanges(rules, rulesOfCheckout(ws.repo)),
    rulesOrigin(rules, "the merge's first parent"),
    "This merge",
  );
  const result = {
    sha,
    pr: source.pull.number,
    refusals: [] as Refusal[],
    warnings: notice ? [notice] : ([] as string[]),
    dryRun,
  };
  // How the records will be attested, decided before anything is built (required, and nothing to sign with: exit 2).
  const attest = attestSetup({
    configured: cfg.attest,
    env: ws.env,
    keyFile: opts.signingKey ? resolve(ws.io.cwd, opts.signingKey) : undefined,
    statementsDir: opts.statementsDir ? resolve(ws.io.cwd, opts.statementsDir) : undefined,
    warn: (line) => result.warnings.push(line),
    configFile: ws.repo.configFile?.file,
  });

  const merged = await mergeChanges(ws, sha, opts.models);
  const names = opts.models?.length ? [...new Set(opts.models)] : merged.changed;
  if (names.length === 0 && merged.unbumped.length > 0) return { ...result, models: [], refusals: merged.unbumped };
  if (names.length === 0) {
    return {
      ...result,
      models: [],
      warnings: [...result.warnings, "no model's version or artifact changed in this merge: nothing to publish"],
    };
  }
  // ---- gather and check, every model, before anything is written
  const approval = await source.approvalFor(names);
  const candidates = await gatherModels(ws, opts, names, source.pull.head, { rules, tip, target });
  const found = candidates.flatMap((c) =>
    publishRefusals({ ...c.facts, allowWarn: ruled.allowWarn, approval, head: source.pull.head }),
  );
  // a version the ledger already published with other bytes is said once, by that check
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
    attest: { mode: attest.mode, by: attest.by, ...(attest.signer ? { keyHint: attest.signer.hint } : {}) },
    gitops: gitopsFacts(cfg, target.branch),
  });
  // ---- the GitOps branch's tip: a damaged ledger, a later merge, or this merge already published, known now
  const pre = await preflight(ws, plan, (w) => result.warnings.push(w));
  if (pre.refusals.length > 0) return { ...result, models: [], refusals: pre.refusals };
  if (dryRun) {
    const models = plan.models.map((m): PublishedModel => {
      const already = pre.outcomes.get(m.name);
      return already?.kind === "already"
        ? {
            name: m.name,
            version: m.version,
            image: already.record.image,
            environment: already.record.environment,
            tags: [already.record.stageTag],
            versionTag: m.versionTag,
            alreadyPublished: true,
          }
        : {
            name: m.name,
            version: m.version,
            image: { reference: "(not built: dry run)", digest: "" },
            environment: m.environment,
            tags: [],
            versionTag: m.versionTag,
          };
    });
    return { ...result, models, plan };
  }
  const applied = await applyPublish(ws, plan, {
    outcomes: pre.outcomes,
    verified: pre.verified,
    backoffMs: opts.backoffMs,
    attest,
  });
  return { ...result, ...applied, warnings: [...result.warnings, ...applied.warnings], plan };
}

/** The merged commit: `sha` (default HEAD), which must be what is checked out. */
async function mergedCommit(ws: Workspace, wanted: string | undefined): Promise<string> {
  const head = await ws.git.revParse("HEAD");
  if (!head) throw new UserError(`${ws.root} has no commit checked out; publish runs on the merged commit`);
  const sha = wanted ? await ws.git.revParse(wanted) : head;
  if (!sha) throw new UserError(`--sha ${wanted} is not a commit in ${ws.root}`);
  if (sha !== head) {
    throw new UserError(
      `--sha ${wanted} is ${sha.slice(0, 12)}, but HEAD is ${head.slice(0, 12)}; check out the merged commit first`,
    );
  }
  return sha;
}

/** The rules of the merge's first parent (./../approve/rules.ts); a merge without a parent has none to judge it. */
async function firstParentRules(ws: Workspace, sha: string): Promise<RuleSet> {
  const parent = await ws.git.revParse(`${sha}^1`);
  if (!parent) {
    throw new UserError(
      `${sha.slice(0, 12)} has no parent in this clone (a shallow clone, or the first commit): publish judges a merge by its first parent's rules; check out with fetch-depth: 0`,
    );
  }
  return readRulesAt(ws.git, parent, `the merge's first parent ${parent.slice(0, 12)}`);
}

/**
 * The GitOps branch's tip on the remote, which must contain the merged commit: a record never cites a commit the
 * remote does not have (one that exists only on this machine would break \`audit verify\` on every clone). When the
 * GitOps remote is a separate repository, the merged commit must be on the model repository's origin instead.
 */
async function sourceOnRemote(
  ws: Workspace,
  sha: string,
  target: { remote: string; branch: string },
  separateGitops: boolean,
): Promise<string | undefined> {
  // a remote that cannot be read (or a full disk under .git) is said as such, never taken for a missing branch
  const [tip] = await readTip(ws.git, target);
  const where = separateGitops ? { remote: "origin", branch: await defaultBranch(ws.git, "origin") } : target;
  const holder = separateGitops
    ? await fetchBranch(ws.git, where.remote, where.branch, "refs/modelgate/publish/source")
    : tip;
  if (!holder || !(holder === sha || (await ws.git.isAncestor(sha, holder)))) {
    throw new CheckFailed(
      `the merged commit ${sha.slice(0, 12)} is not on ${where.branch} of ${where.remote}${holder ? ` (its tip is ${holder.slice(0, 12)})` : " (no such branch there)"}: publish records only commits the remote has; push the merge first (\`git push ${where.remote} ${where.branch}\`), then publish`,
    );
  }
  return tip;
}

/**
 * What the merge changed against its first parent: the models whose version or artifact digest differ (new models
 * count), and a refusal for each model whose artifact changed (its digest, or its file in git) while its spec.version
 * did not: a published version is immutable. `only`: the models named on the command line.
 */
async function mergeChanges(
  ws: Workspace,
  sha: string,
  only: string[] | undefined,
): Promise<{ changed: string[]; unbumped: Refusal[] }> {
  const models = only?.length ? ws.repo.models.filter((m) => only.includes(m.value.metadata.name)) : ws.repo.models;
  const parent = await ws.git.revParse(`${sha}^1`);
  if (!parent) return { changed: models.map((m) => m.value.metadata.name), unbumped: [] };
  const before = await readManifestsAt(
    ws.git,
    parent,
    models.map((m) => m.file),
    "Model",
  );
  const touched = new Set((await ws.git.diffNames(parent, sha)).map((d) => d.path));
  const changed: string[] = [];
  const unbumped: Refusal[] = [];
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
      base: `the merge's first parent ${parent.slice(0, 12)}`,
    });
    if (problem) {
      unbumped.push({
        model: name,
        field: "spec.version",
        expected: `a version after ${now.version}`,
        actual: now.version,
        message: `${name}: ${problem}; nothing was published: open a pull request that bumps spec.version in ${m.file}`,
      });
    }
  }
  return { changed, unbumped };
}

/** One model as gathered: what the checks need, and what the plan needs when they pass. */
interface Candidate {
  name: string;
  artifactPath: string;
  /** The file that ships, when not the artifact path in the checkout. */
  artifactFile?: string;
  recordFile: string;
  recordBytes?: Buffer;
  /** The evaluation datasets' files, by repository path. */
  dataPaths: { name: string; path: string }[];
  facts: Omit<PublishFacts, "allowWarn" | "approval" | "head">;
}

/** Reads each model's artifact, evaluation record and data digests; judges the record's gates. */
async function gatherModels(
  ws: Workspace,
  opts: PublishOptions,
  names: string[],
  head: string,
  on: { rules: RuleSet; tip: string | undefined; target: { remote: string; branch: string } },
): Promise<Candidate[]> {
  const repo = ws.repo;
  const paths = repo.config.spec.paths;
  const cwd = ws.io.cwd;
  const recordsDir = opts.records ? resolve(cwd, opts.records) : undefined;
  const models = names.map((name) => findModel(repo, name));
  // What the manifests pinned at the approved head, every model in one read.
  const atHead = await readManifestsAt(
    ws.git,
    head,
    models.map((m) => m.file),
    "Model",
  );
  // Models that share an evaluation dataset hash its file once.
  const dataDigests = new Map<string, Promise<string>>();
  const dataDigest = (abs: string) => {
    let d = dataDigests.get(abs);
    if (!d) dataDigests.set(abs, (d = sha256File(abs)));
    return d;
  };
  const out: Candidate[] = [];
  for (const [i, m] of models.entries()) {
    const name = m.value.metadata.name;
    const artifact = await shippedArtifact(ws, m, opts.artifacts);
    const recordFile = recordsDir ? join(recordsDir, `${name}.json`) : join(ws.root, recordPath(name));
    const { record, bytes } = readEvaluationRecord(recordFile);
    // Judged by the gates of the first parent's manifest; a model new in this merge brings its own.
    const ruling = on.rules.models.find((x) => x.name === name)?.value;
    const judged = ruling ? { ...m.value, spec: { ...m.value.spec, gates: ruling.spec.gates } } : m.value;
    const ledger = on.tip ? await ws.git.show(on.tip, promotionsPath(paths.records, name)) : undefined;
    const datasets = [];
    const dataPaths: Candidate["dataPaths"] = [];
    for (const dn of m.value.spec.evaluation.datasets.slice(0, 1)) {
      const d = repo.datasets.find((x) => x.value.metadata.name === dn);
      // a remote file is held to its pin whenever it is read: the declared digest is what publish compares
      const p = d && !isRemote(d.value.spec.path) ? resolveInside(ws.root, d.dir, d.value.spec.path) : undefined;
      if (p && !p.error) dataPaths.push({ name: dn, path: repoRelative(ws.root, p.abs) });
      datasets.push({
        name: dn,
        declared: d?.value.spec.sha256,
        fileSha256: p && !p.error && existsSync(p.abs) ? await dataDigest(p.abs) : undefined,
      });
    }
    out.push({
      name,
      artifactPath: artifact.path,
      artifactFile: artifact.file && repoRelative(ws.root, artifact.file) !== artifact.path ? artifact.file : undefined,
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
        verdict: record ? judge({ model: judged, record }) : undefined,
        declaredAtHead: atHead[i].value?.spec.artifact.sha256,
        published: publishedVersions(ledger ?? "", name, m.value.spec.version),
      },
    });
  }
  return out;
}

/**
 * The artifact publish would ship: the file in the checkout, or, when that is not the pinned one, the file the pull
 * request's run trained and carried (`--artifacts DIR`, at the same path).
 */
async function shippedArtifact(
  ws: Workspace,
  m: ReturnType<typeof findModel>,
  artifacts: string | undefined,
): Promise<{ path: string; file?: string; sha256?: string; source: string }> {
  const spec = m.value.spec.artifact;
  if (isRemote(spec.path)) {
    // a remote artifact: its pinned bytes, from the cache or downloaded (refused when they are not the pinned ones)
    const src = resolveSource(ws.root, m.dir, spec.path);
    const got = await localFile(storageContext(ws), src, { sha256: spec.sha256, size: spec.sizeBytes });
    return { path: spec.path, file: got.file, sha256: got.sha256, source: spec.path };
  }
  const art = resolveInside(ws.root, m.dir, m.value.spec.artifact.path);
  if (art.error) throw new UserError(art.error);
  const path = repoRelative(ws.root, art.abs);
  const declared = m.value.spec.artifact.sha256;
  let found: { file?: string; sha256?: string; source: string } = { source: path };
  if (existsSync(art.abs)) found = { file: art.abs, sha256: await sha256File(art.abs), source: path };
  if (found.sha256 !== declared && artifacts) {
    const carried = resolve(ws.io.cwd, artifacts, path);
    if (existsSync(carried)) {
      const d = await sha256File(carried);
      if (d === declared || !found.sha256) {
        found = {
          file: carried,
          sha256: d,
          source: `${repoRelative(ws.io.cwd, carried)} (carried from the pull request's run)`,
        };
      }
    }
  }
  return { path, ...found };
}

function readEvaluationRecord(file: string): { record?: PublishFacts["record"]; bytes?: Buffer } {
  if (!existsSync(file)) return {};
  const bytes = readFileSync(file);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    // a record cut short (a full disk, an interrupted download of the PR run's artifact) is a failed check, by name
    throw new CheckFailed(
      `${file}: not a readable evaluation record (${bytes.byteLength} bytes; ${(err as Error).message}): the file is truncated or damaged; download the pull request's evaluation record again (or re-run evaluate)`,
    );
  }
  const parsed = evaluationRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${file}: not a valid evaluation record: ${issue.path.join(".")}: ${issue.message}`);
  }
  return { record: parsed.data, bytes };
}

/** A candidate that passed every check, as the plan takes it (with its model card's input). */
function checked(ws: Workspace, c: Candidate, source: ApprovalSource, approval: Approval): CheckedModel {
  const m = findModel(ws.repo, c.name);
  const record = c.facts.record!;
  return {
    model: m.value,
    dir: repoRelative(ws.root, m.dir),
    artifactPath: c.artifactPath,
    ...(c.artifactFile ? { artifactFile: c.artifactFile } : {}),
    recordFile: c.recordFile,
    recordBytes: c.recordBytes!,
    record,
    verdict: c.facts.verdict!,
    datasets: c.dataPaths,
    card: cardInputFor(ws.repo, m, record, {
      pr: { number: source.pull.number, url: source.pull.url },
      approvals: approval.approvers.map((a) => ({ reviewer: a.login, commit: a.commit, at: a.submittedAt })),
    }),
  };
}

/** The library's one call: opens the workspace of `cwd` and publishes. */
export function publish(
  opts: PublishOptions & { cwd: string; env: NodeJS.ProcessEnv; io: Io; now?: () => Date },
): Promise<PublishResult> {
  const { cwd, env, io, now, ...rest } = opts;
  return runPublish(openWorkspace(io.cwd === cwd ? io : { ...io, cwd }, { env, now }), rest);
}

/** The publish records of a model's version in a ledger's text (a damaged ledger is publishChange's to refuse). */
function publishedVersions(ledgerText: string, name: string, version: string): PublishedVersion[] {
  return parseLedger(ledgerText)
    .entries.filter(
      (e) => e.record.action === "publish" && e.record.model.name === name && e.record.model.version === version,
    )
    .map((e) => ({
      sequence: e.record.sequence,
      sha256: e.record.model.sha256,
      source: e.record.source,
      stageTag: e.record.stageTag,
    }));
}
