import { UserError } from "../errors.ts";
import {
  type HistoryReads,
  type LogRow,
  logChanges,
  type PathChange,
  reachableCommits,
  type TagRow,
  tagRefs,
} from "../git/history.ts";
import type { Git } from "../git/index.ts";
import { isModelName, parseTag } from "../ledger/tags.ts";
import { parseTrailers } from "../ledger/trailers.ts";
import type { ManifestAtCommit } from "../manifest/at-commit.ts";
import { fastYamlValue } from "../manifest/yaml-fast.ts";
import { type AuditConfig, auditConfigOf, defaultAuditConfig } from "./config-check.ts";
import { LOG_GLOBS, logPaths } from "./paths.ts";

/**
 * What `audit` reads from git, read in bulk (../git/history.ts runs it): one `git log` over the whole history of the
 * GitOps ref (no simplification) limited to the deploy and records folders, modelgate.yaml and the model cards (with
 * trailers and the blob ids of every change), one `git for-each-ref` for the tags, one `git rev-list` for the commits
 * of the ref (verify), and `git cat-file --batch` for the blobs and commit objects the reconstruction needs, in two
 * rounds (the ledgers at the tip, then everything they cite). Values in, values out: the reconstruction
 * (./ledgers.ts, ./timeline.ts, ./verify.ts) never runs git.
 */

export const ZERO = /^0+$/;

export interface Person {
  name: string;
  email: string;
  /** RFC 3339, UTC. */
  date: string;
}

export interface CommitInfo {
  oid: string;
  parents: string[];
  author: Person;
  committer: Person;
  subject: string;
  trailers: Map<string, string[]>;
  /**
   * What the commit made in the watched paths: its changes against its parent; for a merge, only the paths unlike
   * every parent's (what the merge itself wrote, as `git log -c` shows it; the rest came from a parent's history,
   * whose commits are examined on their own).
   */
  changes: PathChange[];
  /**
   * Every watched path whose content differs from some parent's, with this commit's blob: what checking this commit
   * out changed, for a merge too (a merge that takes the tree from before an edit undoes the edit here).
   */
  touched: PathChange[];
}

export interface TagInfo {
  name: string;
  /** True for an annotated tag (a tag object), false for a lightweight one (a ref straight to a commit). */
  annotated: boolean;
  /** The object the ref names: the tag object of an annotated tag, the commit of a lightweight one. */
  object: string;
  /** The commit it peels to (undefined when it names something else). */
  commit: string | undefined;
  tagger: Person | undefined;
  subject: string;
}

export interface Snapshot {
  /** The ref audited, as given. */
  ref: string;
  /** Its commit. */
  tip: string;
  tipDate: string;
  objectFormat: "sha1" | "sha256";
  config: AuditConfig;
  /** modelgate.yaml's bytes at the tip, when there is one. */
  configBytes: Buffer | undefined;
  /** Commits that changed the deploy or records folders, oldest first. */
  commits: CommitInfo[];
  byOid: Map<string, CommitInfo>;
  /** Every commit in the ref's history (read for verify only). */
  reachable?: Set<string>;
  tags: TagInfo[];
}

/** Reads an RFC 3339 date as git prints it (`%aI`) or a record holds it, as UTC to the second. */
export function utc(date: string): string {
  // the form modelgate writes, naming a real second: its own answer (Date.parse costs ~1 µs; the timeline asks ~4,000)
  if (isUtcSecond(date)) return date;
  const t = Date.parse(date);
  return Number.isFinite(t) ? isoSeconds(new Date(t).toISOString()) : date;
}

/** "Name <email> 1700000000 +0000" as in a commit or tag object. */
export function parseIdentLine(text: string): Person | undefined {
  const m = /^(.*?) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  return { name: m[1], email: m[2], date: fromEpoch(m[3]) };
}

/** The header fields of a commit object (`git cat-file commit`): parents, author, committer. */
export function parseCommitObject(text: string): { parents: string[]; author?: Person; committer?: Person } {
  const head = text.slice(0, text.indexOf("\n\n") >= 0 ? text.indexOf("\n\n") : text.length);
  const parents: string[] = [];
  let author: Person | undefined;
  let committer: Person | undefined;
  for (const line of head.split("\n")) {
    if (line.startsWith("parent ")) parents.push(line.slice(7));
    else if (line.startsWith("author ")) author = parseIdentLine(line.slice(7));
    else if (line.startsWith("committer ")) committer = parseIdentLine(line.slice(10));
  }
  return { parents, author, committer };
}

export type { AuditConfig } from "./config-check.ts";
export { gitBlobId } from "./blob-ids.ts";

export { CONFIG_PATH, LOG_GLOBS, logPaths } from "./paths.ts";

/** fromEpoch's answers: a commit's author and committer dates are mostly the same second, as are many tags'. */
const epochDates = new Map<string | number, string>();

/** Seconds since the epoch as RFC 3339 UTC. */
export const fromEpoch = (s: string | number): string => {
  let date = epochDates.get(s);
  if (date === undefined) {
    date = isoSeconds(new Date(Number(s) * 1000).toISOString());
    if (epochDates.size >= 100_000) epochDates.clear();
    epochDates.set(s, date);
  }
  return date;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const UTC_SECOND = /^(\d\d)(\d\d)-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/**
 * "YYYY-MM-DDTHH:MM:SSZ" naming a second of a real day (what Date's ISO string, without milliseconds, gives back
 * unchanged); a 24th hour, a leap second, the 29th of February of a common year are not (Date moves or refuses them).
 * One regular expression: in a short process, checks written out in JavaScript cost more than Date.parse.
 */
function isUtcSecond(d: string): boolean {
  const m = d.length === 20 ? UTC_SECOND.exec(d) : null;
  if (m === null) return false;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= DAYS_IN_MONTH[month - 1]) return true;
  return month === 2 && day === 29 && isLeap(Number(m[1]) * 100 + Number(m[2]));
}

/** An ISO string of Date's without its milliseconds ("2025-01-06T08:00:00.000Z" → "2025-01-06T08:00:00Z"). */
const isoSeconds = (iso: string) =>
  iso.length === 24 && iso.charCodeAt(19) === 46 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");

/**
 * The audit's view of modelgate.yaml as a commit holds it (read by ../manifest/at-commit.ts's rules). Absent (a
 * separate GitOps repository has none), the defaults hold. Invalid: a usage error when `strict` (the audited
 * commit's), else the defaults (an old commit's, read for a release).
 */
export function configFrom(read: ManifestAtCommit<"Config">, strict = false): AuditConfig {
  const spec = read.value?.spec;
  if (read.found && !spec && strict) {
    const f = read.findings.find((x) => x.severity === "error");
    throw new UserError(
      `${f?.file ?? read.file}: ${f?.message ?? "not a valid configuration"}${f ? ` (line ${f.line})` : ""}; run \`modelgate validate\``,
    );
  }
  if (!spec) return defaultAuditConfig();
  // the schema normalises every configured path (./deploy/ is deploy): git prints them so
  return {
    records: spec.paths.records,
    deploy: spec.paths.deploy,
    models: spec.paths.models,
    data: spec.paths.data,
    identity: spec.identity,
    environments: spec.environments.map((e) => ({
      name: e.name,
      requiresApproval: e.requiresApproval,
      ...(e.offlineReleases ? { offlineReleases: true } : {}),
    })),
    gitops: { remote: spec.gitops.remote ?? null, branch: spec.gitops.branch ?? null },
  };
}

/** The audited commit and its configuration: what must be known before the history is read. */
export type Head = Pick<Snapshot, "ref" | "tip" | "tipDate" | "objectFormat" | "config" | "configBytes">;

/**
 * The audited commit's modelgate.yaml, by ../manifest/at-commit.ts's rules. Absent, the defaults. A file in the plain
 * block style the fast reader takes whose value the schema accepts is what parseManifest makes of it (the same reader,
 * and ./config-check.ts's check of the schema: no findings), without loading yaml, zod or the schemas; anything else
 * (another style, invalid: its errors, a value the check leaves to zod) goes through at-commit.ts, loaded then.
 */
export async function headConfig(ref: string, bytes: Buffer | undefined): Promise<AuditConfig> {
  if (bytes === undefined) return defaultAuditConfig();
  const fast = auditConfigOf(fastYamlValue(bytes.toString("utf8")));
  if (fast) return fast;
  const { manifestAt } = await import("../manifest/at-commit.ts");
  return configFrom(manifestAt(ref, "modelgate.yaml", bytes, "Config"), true);
}

/** The audited commit and its modelgate.yaml: one `git cat-file --batch`. */
export async function readHead(git: Git, ref: string): Promise<Head & { recordsTree?: Buffer }> {
  let got: Awaited<ReturnType<Git["catFileBatch"]>>;
  try {
    // the records folder at its default place comes along, to list the ledgers without another process
    got = await git.catFileBatch([`${ref}^{commit}`, `${ref}:modelgate.yaml`, `${ref}:records`]);
  } catch (err) {
    if (/not a git repository/i.test((err as Error).message))
      throw new UserError(`${git.dir} is not in a git repository; audit reads a clone's history`);
    throw err;
  }
  const [head, cfgBlob, records] = got;
  if (head?.type !== "commit") {
    throw new UserError(
      `${ref} is not a commit in ${git.dir}; audit reads the GitOps branch (pass --ref, e.g. origin/main, and clone with its whole history: git clone, or actions/checkout with fetch-depth: 0)`,
    );
  }
  const tip = head.oid;
  return {
    ref,
    tip,
    tipDate: parseCommitObject(head.content.toString("utf8")).committer?.date ?? "",
    objectFormat: tip.length === 64 ? "sha256" : "sha1",
    config: await headConfig(ref, cfgBlob?.type === "blob" ? cfgBlob.content : undefined),
    configBytes: cfgBlob?.content,
    recordsTree: records?.type === "tree" ? records.content : undefined,
  };
}

function tagInfo(t: TagRow): TagInfo {
  const annotated = t.type === "tag";
  return {
    name: t.name,
    annotated,
    object: t.object,
    commit: annotated ? (t.peeledType === "commit" ? t.peeled : undefined) : t.type === "commit" ? t.object : undefined,
    tagger: annotated && t.date ? { name: t.tagger, email: t.email, date: fromEpoch(t.date) } : undefined,
    subject: t.subject,
  };
}

const tagModels = new WeakMap<TagInfo[], Set<string>>();

/**
 * The names of the registry tags that a modelgate model could have (./ledgers.ts modelsOf; GTO's other artifacts,
 * named with `_`, `/`, capitals or a `dirname=` prefix, are not), once per list of tags.
 */
export function modelNamesOfTags(tags: TagInfo[]): ReadonlySet<string> {
  let names = tagModels.get(tags);
  if (!names) {
    names = new Set();
    for (const t of tags) {
      const p = parseTag(t.name);
      if (p && isModelName(p.name)) names.add(p.name);
    }
    tagModels.set(tags, names);
  }
  return names;
}

/**
 * The history of the audited commit: its deploy and records folders' commits, the tags, and (for verify) every
 * commit of its history. Three git processes at once.
 */
export async function readHistory(
  git: Git,
  head: Head,
  opts: { reachable: boolean; started?: HistoryReads },
): Promise<Snapshot> {
  const { tip, config } = head;
  const started = opts.started;
  // the tags (read sooner than the log) are made, and their models named, while git still prints the log
  const [log, tags, reachable] = await Promise.all([
    logChanges(git, tip, logPaths(config), LOG_GLOBS, started),
    tagRefs(git, started).then((refs) => {
      const tags = refs.map(tagInfo);
      modelNamesOfTags(tags);
      return tags;
    }),
    opts.reachable ? reachableCommits(git, tip, started) : Promise.resolve(undefined),
  ]);
  const commits: CommitInfo[] = log.map((r) => {
    const parents = r.parents ? r.parents.split(" ") : [];
    const { changes, touched } = changesOf(parents, r.sections);
    return {
      oid: r.oid,
      parents,
      author: { name: r.an, email: r.ae, date: fromEpoch(r.ad) },
      committer: { name: r.cn, email: r.ce, date: fromEpoch(r.cd) },
      subject: r.subject,
      trailers: parseTrailers(r.trailers),
      changes,
      touched,
    };
  });
  return {
    ...head,
    commits,
    byOid: new Map(commits.map((c) => [c.oid, c])),
    reachable,
    tags,
  };
}

/**
 * A commit's changes from its sections (one per parent it differs from, in the parents' order): what it made (against
 * its one parent; for a merge, the paths unlike every parent's) and what it touched (unlike some parent's).
 */
export function changesOf(parents: string[], sections: LogRow["sections"]): Pick<CommitInfo, "changes" | "touched"> {
  if (sections.length === 0) return { changes: [], touched: [] };
  if (parents.length <= 1) return { changes: sections[0], touched: sections[0] };
  const touched = new Map<string, PathChange>();
  for (const s of sections) for (const ch of s) if (!touched.has(ch.path)) touched.set(ch.path, ch);
  // a path unlike every parent's is in every parent's section (a parent it does not differ from has none)
  const inAll =
    sections.length === parents.length ? sections.slice(1).map((s) => new Set(s.map((ch) => ch.path))) : undefined;
  const changes = inAll ? sections[0].filter((ch) => inAll.every((paths) => paths.has(ch.path))) : [];
  return { changes, touched: [...touched.values()] };
}

/** The names of the folders in a tree object's bytes (`<mode> <name>\0<id>` entries). */
export function treeFolders(tree: Buffer | undefined, format: Snapshot["objectFormat"]): string[] {
  const out: string[] = [];
  if (!tree) return out;
  const idLength = format === "sha256" ? 32 : 20;
  for (let pos = 0; pos < tree.length; ) {
    const space = tree.indexOf(32, pos);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    if (tree.toString("latin1", pos, space) === "40000") out.push(tree.toString("utf8", space + 1, nul));
    pos = nul + 1 + idLength;
  }
  return out;
}

/** Reads many objects in one `git cat-file --batch`; the answer maps each name asked to its bytes (or undefined). */
export async function readObjects(git: Git, names: Iterable<string>): Promise<Map<string, Buffer | undefined>> {
  const list = [...new Set(names)];
  const got = await git.catFileBatch(list);
  return new Map(list.map((n, i) => [n, got[i]?.content]));
}

export { short } from "./judging.ts";

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const deployRe = new Map<string, RegExp>();

type DeployPath = { model: string; env?: string; file: string; base: boolean };

/**
 * deployPathOf's answers per history: verify asks for every change of every commit several times (its rules, the
 * overlays it reads, its counts), and a history holds few distinct paths (3,521 changes of 601 paths on the bench).
 */
const deployPaths = new WeakMap<Snapshot, Map<string, DeployPath | undefined>>();

/** A path under the deploy folder: which model, and which overlay (environment and file) or base file. */
export function deployPathOf(snap: Snapshot, path: string): DeployPath | undefined {
  let known = deployPaths.get(snap);
  if (!known) {
    known = new Map();
    deployPaths.set(snap, known);
  }
  if (known.has(path)) return known.get(path);
  const d = readDeployPath(snap, path);
  known.set(path, d);
  return d;
}

function readDeployPath(snap: Snapshot, path: string): DeployPath | undefined {
  let re = deployRe.get(snap.config.deploy);
  if (!re) {
    re = new RegExp(`^${escapeRe(snap.config.deploy)}/([^/]+)/(.+)$`);
    deployRe.set(snap.config.deploy, re);
  }
  const m = re.exec(path);
  if (!m) return undefined;
  const o = /^overlays\/([^/]+)\/(.+)$/.exec(m[2]);
  if (o) return { model: m[1], env: o[1], file: o[2], base: false };
  return { model: m[1], file: m[2], base: m[2].startsWith("base/") };
}

export function overlayOf(snap: Snapshot, path: string): { model: string; env: string } | undefined {
  const d = deployPathOf(snap, path);
  return d?.env && d.file === "kustomization.yaml" ? { model: d.model, env: d.env } : undefined;
}
