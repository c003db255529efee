import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Git, gitEnvironment } from "./index.ts";
import { readObjects } from "./object-reader.ts";

/**
 * A branch's history read in bulk, as `audit` reads it: one `git log` of the commits that changed some paths (with
 * their trailers and the blob ids of every change), one `git for-each-ref` of the tags, one `git rev-list` of every
 * commit. Every answer is read in a form nothing inside it can forge: fields and records separated by NUL (`-z`,
 * `%x00`), a byte git never prints inside a name, a message or a path (it ends its strings there), and each record
 * checked for its shape (ids of hex digits, a known object type) before it is believed. What the fields mean is the
 * caller's (src/audit/history.ts).
 *
 * The log walks the whole history (`--full-history`): a commit that changed a watched path is listed even when a
 * later merge took its parent's tree back, which git's default simplification would hide. Each merge is listed once
 * per parent it differs from (`-m`), so that both what it made (a path unlike every parent's) and what it changed on
 * either side are known.
 */

/** The fields of the one `git log`, in its format's order. */
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
};

/** The same output whatever the user's configuration says (colours, signatures, renames, how merges show). */
export const LOG_OPTIONS = [
  "--no-color",
  "--no-show-signature",
  "-z",
  "--raw",
  "--no-abbrev",
  "--no-renames",
  "--full-history",
  "--diff-merges=separate",
  "--reverse",
];

/**
 * Pathspecs from the top of the tree, whatever folder git runs in: each path taken literally (`:(top,literal)`), and
 * each glob as a glob (`:(top,glob)`, `**` for any folders).
 */
export function topPathspecs(paths: string[], globs: string[] = []): string[] {
  return [...paths.map((p) => `:(top,literal)${p}`), ...globs.map((g) => `:(top,glob)${g}`)];
}

/** The arguments of the one `git log` (bench/audit.ts runs the same). */
export function logArgs(tip: string, paths: string[], globs: string[] = []): string[] {
  const format = Object.values(LOG_FIELDS).join("%x00");
  return ["log", `--format=${format}`, ...LOG_OPTIONS, tip, "--", ...topPathspecs(paths, globs)];
}

export const TAG_FIELDS = {
  ref: "%(refname)",
  type: "%(objecttype)",
  object: "%(objectname)",
  peeledType: "%(*objecttype)",
  peeled: "%(*objectname)",
  tagger: "%(taggername)",
  email: "%(taggeremail:trim)",
  date: "%(taggerdate:unix)",
  subject: "%(contents:subject)",
};

/** The arguments of the one `git for-each-ref` (bench/audit.ts runs the same): each field ended by NUL. */
export const TAG_ARGS = ["for-each-ref", `--format=${Object.values(TAG_FIELDS).join("%00")}%00`, "refs/tags"];

/** A change to one path in one commit against one parent: blob ids, all zeros when the path is absent on that side. */
export interface PathChange {
  path: string;
  /** A (added), M (modified), D (deleted), T (type change). */
  status: string;
  oldOid: string;
  newOid: string;
}

/** One commit of `logChanges`: the LOG_FIELDS as git printed them, and its changes against each parent. */
export type LogRow = Record<keyof typeof LOG_FIELDS, string> & {
  /**
   * The changes against each parent it differs from in the watched paths, in the parents' order (a parent it does not
   * differ from has no section): one section for a commit with one parent.
   */
  sections: PathChange[][];
};

/** One tag of `tagRefs`: the TAG_FIELDS as git printed them, and its name (the ref without refs/tags/). */
export type TagRow = Record<keyof typeof TAG_FIELDS, string> & { name: string };

/** Output of git that does not have the shape asked for: never believed, never skipped silently. */
export class GitOutputError extends Error {
  constructor(command: string, why: string) {
    super(`git ${command} printed output modelgate cannot read (${why}); run it by hand to see what git says`);
    this.name = "GitOutputError";
  }
}

const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const RAW_META = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([A-Z])\d*$/;

/** The commits of `tip`'s history that changed anything under `paths` (or matching `globs`), oldest first. */
export async function logChanges(
  git: Git,
  tip: string,
  paths: string[],
  globs: string[] = [],
  started?: HistoryReads,
): Promise<LogRow[]> {
  const ahead = started && sameList(started.paths, paths) && sameList(started.globs, globs) ? started.log : undefined;
  return parseLog((await ahead?.catch(() => undefined)) ?? (await git.run(logArgs(tip, paths, globs))));
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The history's git processes started before anything else is known (`audit` starts them as it begins, so that git
 * reads while the rest of modelgate loads): the log of the paths audit reads by default, the tags, and (for verify)
 * every commit, of HEAD. Their output is used when the configuration, once read, names the same paths; a process that
 * fails is run again the ordinary way, which reports git's error as always. HEAD is read by these processes and by the
 * audit's own `cat-file` a moment apart, as the tags always were.
 */
export interface HistoryReads {
  paths: string[];
  globs: string[];
  log: Promise<string>;
  tags: Promise<string>;
  reachable?: Promise<string>;
}

export function startHistoryReads(
  cwd: string,
  opts: { paths: string[]; globs: string[]; reachable: boolean },
): HistoryReads {
  const reads: HistoryReads = {
    paths: opts.paths,
    globs: opts.globs,
    log: gitOutput(cwd, logArgs("HEAD", opts.paths, opts.globs)),
    tags: gitOutput(cwd, TAG_ARGS),
    ...(opts.reachable ? { reachable: gitOutput(cwd, ["rev-list", "HEAD"]) } : {}),
  };
  // a failure is seen (and answered by running git again) only where the output is used
  for (const p of [reads.log, reads.tags, reads.reachable]) p?.catch(() => {});
  // audit's object reader (one `git cat-file --batch`, ./object-reader.ts) starts now too, with what audit asks first:
  // git has started and opened the packs when audit asks (a failure ends the reader; the next read starts another)
  readObjects(cwd, gitEnvironment(), ["HEAD^{commit}", "HEAD:modelgate.yaml", "HEAD:records"]).catch(() => {});
  return reads;
}

/**
 * git's standard output, as text, when it exits 0 (in the environment ./index.ts's Git gives it). git writes it to a
 * file, not a pipe: audit's main thread is busy for tens of milliseconds at a time (parsing the ledgers) while git
 * runs, and a pipe of 64 KiB left unread that long stops git (its log prints 1.4 MB in the bench). The file is
 * removed as soon as it is open (only the open descriptors keep it), and read once when git ends.
 */
function gitOutput(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let fd: number;
    try {
      const path = join(tmpdir(), `modelgate-git-${process.pid}-${randomBytes(6).toString("hex")}`);
      fd = openSync(path, "wx+", 0o600);
      unlinkSync(path);
    } catch (err) {
      return reject(err);
    }
    let open = true;
    const close = () => {
      if (open) closeSync(fd);
      open = false;
    };
    const child = spawn("git", args, { cwd, env: gitEnvironment(), stdio: ["ignore", fd, "ignore"] });
    child.on("error", (err) => {
      close();
      reject(err);
    });
    child.on("close", (code) => {
      try {
        if (code !== 0 || !open) return reject(new Error(`exit ${code}`));
        const out = Buffer.allocUnsafe(fstatSync(fd).size);
        let at = 0;
        while (at < out.length) {
          const n = readSync(fd, out, at, out.length - at, at);
          if (n === 0) break;
          at += n;
        }
        resolve(out.toString("utf8", 0, at));
      } catch (err) {
        reject(err);
      } finally {
        close();
      }
    });
  });
}

/**
 * Reads `git log -z --raw --format=<LOG_FIELDS joined by NUL>`: per commit (once per parent section), its fields,
 * then (when it changed anything) its raw entries, each `:<mode> <mode> <id> <id> <status>` NUL path NUL.
 */
export function parseLog(out: string): LogRow[] {
  const rows: LogRow[] = [];
  const bad = (why: string): never => {
    throw new GitOutputError("log", why);
  };
  // the output's NUL-separated tokens, walked with indexOf (no array of every token): `at` is the next token's start,
  // `left` how many tokens remain (as out.split("\0") would count them)
  let at = 0;
  let left = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) left++;
  const next = (): string => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    left--;
    return token;
  };
  const peek = (): number => (at < out.length ? out.charCodeAt(at) : -1);
  while (left > 0) {
    // between commits: the empty field that ends a commit with no change, and the end of the output
    const c = peek();
    if (c === 0 || c === -1 || (c === 10 && (at + 1 === out.length || out.charCodeAt(at + 1) === 0))) {
      next();
      continue;
    }
    if (left < FIELD_COUNT) bad(`a commit cut short at field ${tokenIndex(out, at)}`);
    const fields = {
      oid: next(),
      parents: next(),
      an: next(),
      ae: next(),
      ad: next(),
      cn: next(),
      ce: next(),
      cd: next(),
      subject: next(),
      trailers: next(),
    };
    if (!OID.test(fields.oid)) bad(`"${fields.oid.slice(0, 50)}" where a commit id belongs`);
    if (fields.parents !== "" && !fields.parents.split(" ").every((p) => OID.test(p)))
      bad(`"${fields.parents.slice(0, 90)}" where parent ids belong`);
    if (!DIGITS.test(fields.ad) || !DIGITS.test(fields.cd)) bad(`commit ${fields.oid} without its dates`);
    const section: PathChange[] = [];
    // the raw entries: the first follows a line break
    while (left > 0 && (peek() === 58 || (peek() === 10 && out.charCodeAt(at + 1) === 58))) {
      const meta = next();
      const s = meta.charCodeAt(0) === 10 ? 1 : 0;
      if (!RAW_META.test(s ? meta.slice(1) : meta) || left === 0)
        bad(`"${meta.slice(0, 120)}" where a change of commit ${fields.oid} belongs`);
      // ":<mode> <mode> <old> <new> <status>[score]": the ids are 40 or 64 hex digits, the status one letter
      const oldAt = s + 15;
      const oldEnd = meta.charCodeAt(oldAt + 40) === 32 ? oldAt + 40 : oldAt + 64;
      const newEnd = meta.charCodeAt(oldEnd + 41) === 32 ? oldEnd + 41 : oldEnd + 65;
      section.push({
        path: next(),
        status: meta[newEnd + 1],
        oldOid: meta.slice(oldAt, oldEnd),
        newOid: meta.slice(oldEnd + 1, newEnd),
      });
    }
    const last = rows.length > 0 ? rows[rows.length - 1] : undefined;
    // a merge comes once per parent it differs from: the same commit again is its next section
    if (last && last.oid === fields.oid) last.sections.push(section);
    else {
      // the fields' object is the row (the same keys, in the same order, as a copy with sections would have)
      const row = fields as LogRow;
      row.sections = [section];
      rows.push(row);
    }
  }
  for (const r of rows) if (r.sections.length === 1 && r.sections[0].length === 0) r.sections = [];
  return rows;
}

const FIELD_COUNT = Object.keys(LOG_FIELDS).length;
const DIGITS = /^\d+$/;

/** Which NUL-separated token of `out` starts at `at` (for the message of a log cut short). */
function tokenIndex(out: string, at: number): number {
  let n = 0;
  for (let p = out.indexOf("\0"); p >= 0 && p < at; p = out.indexOf("\0", p + 1)) n++;
  return n;
}

/** Every tag of the repository, annotated or lightweight (one `git for-each-ref refs/tags`). */
export async function tagRefs(git: Git, started?: HistoryReads): Promise<TagRow[]> {
  return parseTagRefs((await started?.tags.catch(() => undefined)) ?? (await git.run(TAG_ARGS)));
}

const TYPES = new Set(["commit", "tag", "tree", "blob"]);

/** Reads `git for-each-ref` with TAG_ARGS' format: each ref's fields ended by NUL, then a line break. */
export function parseTagRefs(out: string): TagRow[] {
  const rows: TagRow[] = [];
  const bad = (why: string): never => {
    throw new GitOutputError("for-each-ref", why);
  };
  // the NUL-separated tokens, walked with indexOf: `count` of them (as out.split("\0") would count them)
  let count = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) count++;
  let at = 0;
  const next = (): string => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    return token;
  };
  for (let i = 0; i + TAG_FIELD_COUNT < count; i += TAG_FIELD_COUNT) {
    const first = next();
    const fields = {
      ref: first.charCodeAt(0) === 10 ? first.slice(1) : first,
      type: next(),
      object: next(),
      peeledType: next(),
      peeled: next(),
      tagger: next(),
      email: next(),
      date: next(),
      subject: next(),
    };
    if (!fields.ref.startsWith("refs/tags/")) bad(`"${fields.ref.slice(0, 80)}" where a tag's ref belongs`);
    if (!TYPES.has(fields.type) || !OID.test(fields.object)) bad(`${fields.ref} without its object`);
    if (fields.peeledType && (!TYPES.has(fields.peeledType) || !OID.test(fields.peeled)))
      bad(`${fields.ref} without the object it peels to`);
    // the fields' object is the row, with its name last (as a copy with the name would have it)
    const row = fields as TagRow;
    row.name = fields.ref.slice(10);
    rows.push(row);
  }
  const rest = count % TAG_FIELD_COUNT === 1 ? out.slice(out.lastIndexOf("\0") + 1) : undefined;
  if (rest === undefined || rest.trim() !== "") bad("a tag cut short");
  return rows;
}

const TAG_FIELD_COUNT = Object.keys(TAG_FIELDS).length;

/** Every commit of `tip`'s history (one `git rev-list`). */
export async function reachableCommits(git: Git, tip: string, started?: HistoryReads): Promise<Set<string>> {
  const out = (await started?.reachable?.catch(() => undefined)) ?? (await git.run(["rev-list", tip]));
  return new Set(out.split("\n").filter(Boolean));
}

/** The top of the work tree holding `git`'s folder (`git rev-parse --show-toplevel`), or undefined in a bare one. */
export async function topLevel(git: Git): Promise<string | undefined> {
  return (await git.tryRun(["rev-parse", "--show-toplevel"])) || undefined;
}
