import { type GitObject, ReaderError, readObjects } from "./object-reader.ts";
import { Limiter, MAX_PER_HANDLE, runGitProcess } from "./process.ts";

/**
 * The one place modelgate runs git: a process per command (process.ts) plus a `cat-file --batch` reader for bulk
 * object reads (object-reader.ts). Callers say what they want (a file at a commit, the tags, a log); this module
 * says how.
 */

/** Who commits and tags: modelgate's bot identity in CI, a person in the demo. */
export interface Identity {
  name: string;
  email: string;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    message: string,
  ) {
    super(`git ${args.join(" ")}: ${message.trim()}`);
    this.name = "GitError";
  }
}

export interface GitOptions {
  /** Author and committer of commits and tags made through this handle. */
  identity?: Identity;
  /** Extra environment (merged over the process's own PATH and HOME). */
  env?: NodeJS.ProcessEnv;
  /**
   * Ignore the user's global and system git configuration and the GIT_* variables of this process (the demo and
   * tests): only `env` and `identity` speak to git.
   */
  isolated?: boolean;
}

/** The environment modelgate runs git in (every git process it starts, through a Git or not). */
export function gitEnvironment(opts: GitOptions = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([k]) => !(opts.isolated && /^GIT_/i.test(k)));
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), ...opts.env, GIT_TERMINAL_PROMPT: "0" };
  // modelgate never opens an editor or a pager; the user's own credential and ssh settings pass through.
  for (const k of ["EDITOR", "VISUAL", "GIT_EDITOR", "GIT_SEQUENCE_EDITOR", "PAGER", "GIT_PAGER"]) delete env[k];
  if (opts.isolated) {
    env.GIT_CONFIG_NOSYSTEM = "1";
    env.GIT_CONFIG_GLOBAL = "/dev/null";
  }
  if (opts.identity) {
    env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = opts.identity.name;
    env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = opts.identity.email;
  }
  return env;
}

export class Git {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly limiter = new Limiter(MAX_PER_HANDLE);

  constructor(dir: string, opts: GitOptions = {}) {
    this.dir = dir;
    this.env = gitEnvironment(opts);
  }

  /** `git ARGS` in this handle's folder and environment, at most MAX_PER_HANDLE at once (process.ts). */
  private raw(args: string[]): Promise<string> {
    return this.limiter.run(() => runGitProcess(this.dir, this.env, args));
  }

  /** Runs `git ARGS` and returns its stdout; throws GitError with git's own message on failure. */
  async run(args: string[]): Promise<string> {
    try {
      return await this.raw(args);
    } catch (err) {
      throw new GitError(args, (err as Error).message);
    }
  }

  /** Like run, trimmed, or undefined when git fails (a ref that does not exist, a path absent at a commit). */
  async tryRun(args: string[]): Promise<string | undefined> {
    try {
      return (await this.raw(args)).trim();
    } catch {
      return undefined;
    }
  }

  async revParse(ref: string): Promise<string | undefined> {
    return this.tryRun(["rev-parse", "--verify", "-q", `${ref}^{commit}`]);
  }

  /** The object a ref names, without peeling (an annotated tag's own object id). */
  async objectId(ref: string): Promise<string | undefined> {
    return this.tryRun(["rev-parse", "--verify", "-q", ref]);
  }

  /** "commit", "tag", "tree", "blob", or undefined. */
  async objectType(ref: string): Promise<string | undefined> {
    return this.tryRun(["cat-file", "-t", ref]);
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    try {
      await this.raw(["merge-base", "--is-ancestor", ancestor, of]);
      return true;
    } catch {
      return false;
    }
  }

  /** A file's text at a commit, or undefined when it is not there. */
  async show(commit: string, path: string): Promise<string | undefined> {
    try {
      return await this.raw(["show", `${commit}:${path}`]);
    } catch {
      return undefined;
    }
  }

  /** A file's bytes at a commit (a model, binary), or undefined when it is not there or not a file. */
  async showBytes(commit: string, path: string): Promise<Buffer | undefined> {
    const [o] = await this.catFileBatch([`${commit}:${path}`]).catch(() => [undefined]);
    return o?.type === "blob" ? o.content : undefined;
  }

  /**
   * Many objects at once through the repository's one long-lived `git cat-file --batch` (object-reader.ts): for each name (`<commit>:<path>`, an object id,
   * a tag), its type and bytes, or undefined when missing. Order of the answer is the order asked.
   */
  catFileBatch(names: string[]): Promise<(GitObject | undefined)[]> {
    return readObjects(this.dir, this.env, names).catch((err: Error) => {
      throw err instanceof ReaderError ? new GitError(["cat-file", "--batch"], err.message) : err;
    });
  }

  /**
   * Every ref under a prefix, one object per ref with the fields of the `for-each-ref` format asked. Each field is
   * ended by NUL, a byte git never prints inside one (a tag message or a tagger's name may hold any other).
   */
  async refs<K extends string>(prefix: string, fields: Record<K, string>): Promise<Record<K, string>[]> {
    const keys = Object.keys(fields) as K[];
    const fmt = `${keys.map((k) => fields[k]).join("%00")}%00`;
    const tokens = (await this.run(["for-each-ref", `--format=${fmt}`, prefix])).split("\0");
    const out: Record<K, string>[] = [];
    // each ref: its fields, each ended by NUL, then a line break (which starts the next ref's first field)
    for (let i = 0; i + keys.length < tokens.length; i += keys.length) {
      out.push(
        Object.fromEntries(keys.map((k, j) => [k, j === 0 ? tokens[i].replace(/^\n/, "") : tokens[i + j]])) as Record<
          K,
          string
        >,
      );
    }
    return out;
  }

  /** The best common ancestor of two commits, or undefined when they have none (or history is missing: shallow). */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    return this.tryRun(["merge-base", a, b]);
  }

  /**
   * The paths that differ between two commits, with renames detected (git's default 50% similarity), paths relative
   * to this handle's folder and limited to it. NUL-separated output, so any file name is read exactly.
   */
  async diffNames(from: string, to: string): Promise<DiffEntry[]> {
    const out = await this.run([
      "-c",
      "diff.renameLimit=10000",
      "diff",
      "--name-status",
      "-z",
      "-M",
      "--relative",
      "--no-ext-diff",
      "--no-textconv",
      from,
      to,
      "--",
    ]);
    const f = out.split("\0");
    const entries: DiffEntry[] = [];
    for (let i = 0; i + 1 < f.length; ) {
      const status = f[i];
      if (/^[RC]/.test(status)) {
        entries.push({ status: status[0], from: f[i + 1], path: f[i + 2] });
        i += 3;
      } else {
        entries.push({ status: status[0], path: f[i + 1] });
        i += 2;
      }
    }
    return entries;
  }

  /** The files of a commit's tree under `paths` (relative to this handle's folder), recursively. */
  async listFiles(ref: string, paths: string[]): Promise<string[]> {
    const out = await this.run(["ls-tree", "-r", "-z", "--name-only", ref, "--", ...paths]);
    return out.split("\0").filter((p) => p.length > 0);
  }
}

/** One entry of `git diff --name-status`: A, M, D, T, R (renamed, `from` → `path`) or C (copied). */
export interface DiffEntry {
  status: string;
  path: string;
  /** The old path of a rename or copy. */
  from?: string;
}

export function openGit(dir: string, opts: GitOptions = {}): Git {
  return new Git(dir, opts);
}
