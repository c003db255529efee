import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { UserError } from "../errors.ts";
import type { Git } from "../git/index.ts";
import { parseTrailers } from "../ledger/trailers.ts";
import { configSchema } from "../manifest/schema.ts";

/**
 * What `audit` reads from git, read in bulk: one `git log` over the history of the GitOps ref limited to the deploy
 * and records folders (with trailers and the blob ids of every change), one `git for-each-ref` for the tags, one
 * `git rev-list` for the commits of the ref (verify), and `git cat-file --batch` for the blobs and commit objects the
 * reconstruction needs, in two rounds (the ledgers at the tip, then everything they cite). Values in, values out: the
 * reconstruction (./ledgers.ts, ./timeline.ts, ./verify.ts) never runs git.
 */

export const ZERO = /^0+$/;

export interface Person {
  name: string;
  email: string;
  /** RFC 3339, UTC. */
  date: string;
}

/** A change to one path in one commit (`git log --raw`): blob ids, all zeros when the path is absent on that side. */
export interface PathChange {
  path: string;
  /** A (added), M (modified), D (deleted), T (type change); MM… for a merge's combined diff. */
  status: string;
  oldOid: string;
  newOid: string;
}

export interface CommitInfo {
  oid: string;
  parents: string[];
  author: Person;
  committer: Person;
  subject: string;
  trailers: Map<string, string[]>;
  /** Changes under the deploy and records folders. */
  changes: PathChange[];
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

/** The parts of modelgate.yaml (at the audited commit) that audit reads. */
export interface AuditConfig {
  records: string;
  deploy: string;
  models: string;
  data: string;
  identity: { name: string; email: string };
  environments: { name: string; requiresApproval: boolean }[];
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
  const t = Date.parse(date);
  return Number.isFinite(t) ? new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z") : date;
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

/** git's own id of a blob with these bytes (`git hash-object`). */
export function gitBlobId(content: Uint8Array, format: "sha1" | "sha256"): string {
  return createHash(format).update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}

/** The fields of the one `git log` (as git/index.ts's log formats them) and its options: the bench runs the same. */
export const LOG_FIELDS = {
  oid: "%H",
  parents: "%P",
  an: "%an",
  ae: "%ae",
  ad: "%at",
  cn: "%cn",
  ce: "%ce",
  cd: "%ct",
  subject: "%s",
  trailers: "%(trailers:unfold,only)",
  // left empty: `--raw` prints the changes after the format, so they land in this last field
  raw: "",
};

/** A path as git prints it: C-quoted ("…" with backslash escapes and octal bytes) when it holds unusual characters. */
export function unquotePath(p: string): string {
  if (!p.startsWith('"') || !p.endsWith('"')) return p;
  const bytes: number[] = [];
  const body = p.slice(1, -1);
  const esc: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = body[i + 1];
    if (/[0-7]/.test(n)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(esc[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export const LOG_OPTIONS = ["--raw", "--no-abbrev", "--no-renames", "--diff-merges=combined", "--reverse"];
export const logPaths = (config: AuditConfig) => [`${config.deploy}/`, `${config.records}/`];
export const TAG_FIELDS = {
  name: "%(refname:strip=2)",
  type: "%(objecttype)",
  object: "%(objectname)",
  peeledType: "%(*objecttype)",
  peeled: "%(*objectname)",
  tagger: "%(taggername)",
  email: "%(taggeremail:trim)",
  date: "%(taggerdate:unix)",
  subject: "%(contents:subject)",
};

/** Seconds since the epoch as RFC 3339 UTC. */
export const fromEpoch = (s: string | number) => new Date(Number(s) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Parses the `--raw --no-abbrev` lines of one commit (a merge's combined lines have one more mode and id). */
export function parseRaw(text: string): PathChange[] {
  const out: PathChange[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(":")) continue;
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const meta = line.slice(0, tab).replace(/^:+/, "").split(" ");
    const path = unquotePath(line.slice(tab + 1));
    // two sides: mode mode oid oid status; a combined diff of n parents: n+1 modes, n+1 ids, status
    const status = meta[meta.length - 1];
    const ids = meta.filter((x) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(x));
    out.push({ path, status, oldOid: ids[0] ?? "", newOid: ids[ids.length - 1] ?? "" });
  }
  return out;
}

/**
 * The audit's view of modelgate.yaml. Absent (a separate GitOps repository has none), the defaults hold. Invalid:
 * a usage error when `strict` (the audited commit's), else the defaults (an old commit's, read for a release).
 */
export function configFrom(text: string | undefined, where: string, strict = false): AuditConfig {
  const defaults = () =>
    configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "audit" } }).spec;
  let spec: ReturnType<typeof defaults>;
  if (text === undefined) spec = defaults();
  else {
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (err) {
      if (strict) throw new UserError(`${where}: not YAML: ${(err as Error).message}; run \`modelgate validate\``);
      raw = undefined;
    }
    const parsed = configSchema.safeParse(raw);
    if (!parsed.success && strict) {
      const i = parsed.error.issues[0];
      throw new UserError(`${where}: ${i.path.join(".") || "the document"}: ${i.message}; run \`modelgate validate\``);
    }
    spec = parsed.success ? parsed.data.spec : defaults();
  }
  return {
    records: spec.paths.records.replace(/\/+$/, ""),
    deploy: spec.paths.deploy.replace(/\/+$/, ""),
    models: spec.paths.models.replace(/\/+$/, ""),
    data: spec.paths.data.replace(/\/+$/, ""),
    identity: spec.identity,
    environments: spec.environments.map((e) => ({ name: e.name, requiresApproval: e.requiresApproval })),
  };
}

/** The audited commit and its configuration: what must be known before the history is read. */
export type Head = Pick<Snapshot, "ref" | "tip" | "tipDate" | "objectFormat" | "config" | "configBytes">;

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
    config: configFrom(cfgBlob?.content.toString("utf8"), `${ref}:modelgate.yaml`, true),
    configBytes: cfgBlob?.content,
    recordsTree: records?.type === "tree" ? records.content : undefined,
  };
}

/**
 * The history of the audited commit: its deploy and records folders' commits, the tags, and (for verify) every
 * commit of its history. Three git processes at once.
 */
export async function readHistory(git: Git, head: Head, opts: { reachable: boolean }): Promise<Snapshot> {
  const { tip, config } = head;
  const [log, refs, revs] = await Promise.all([
    git.log([...LOG_OPTIONS, tip], LOG_FIELDS, logPaths(config)),
    git.refs("refs/tags", TAG_FIELDS),
    opts.reachable ? git.run(["rev-list", tip]) : Promise.resolve(undefined),
  ]);
  const commits: CommitInfo[] = log.map((r) => ({
    oid: r.oid,
    parents: r.parents ? r.parents.split(" ") : [],
    author: { name: r.an, email: r.ae, date: fromEpoch(r.ad) },
    committer: { name: r.cn, email: r.ce, date: fromEpoch(r.cd) },
    subject: r.subject,
    trailers: parseTrailers(r.trailers),
    changes: parseRaw(r.raw),
  }));
  const tags: TagInfo[] = refs.map((t) => {
    const annotated = t.type === "tag";
    return {
      name: t.name,
      annotated,
      object: t.object,
      commit: annotated
        ? t.peeledType === "commit"
          ? t.peeled
          : undefined
        : t.type === "commit"
          ? t.object
          : undefined,
      tagger: annotated && t.date ? { name: t.tagger, email: t.email, date: fromEpoch(t.date) } : undefined,
      subject: t.subject,
    };
  });
  return {
    ...head,
    commits,
    byOid: new Map(commits.map((c) => [c.oid, c])),
    reachable: revs === undefined ? undefined : new Set(revs.split("\n").filter(Boolean)),
    tags,
  };
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

export const short = (oid: string | undefined | null) => (oid ? oid.slice(0, 12) : "(none)");

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const deployRe = new Map<string, RegExp>();

/** A path under the deploy folder: which model, and which overlay (environment and file) or base file. */
export function deployPathOf(
  snap: Snapshot,
  path: string,
): { model: string; env?: string; file: string; base: boolean } | undefined {
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
