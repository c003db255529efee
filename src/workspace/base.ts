import { type Git, type GitOptions, openGit } from "../git/index.ts";
import type { Repository } from "../manifest/loaded.ts";
import type { Io } from "../util/io.ts";

/**
 * One opened model repository, handed to every service instead of a folder to load again: the root (found from any
 * folder inside it, as git finds .git), the manifests and configuration loaded once, one git handle, the clock and
 * the io. Services read from it; only `apply` steps write, and they write through `git` or files under `root`.
 */
export interface Workspace {
  /** The repository root: the folder holding modelgate.yaml, whichever folder the command was started from. */
  readonly root: string;
  /** Where output, progress and warnings go (io.err for progress). */
  readonly io: Io;
  /** The environment the command runs in (tokens, GITHUB_* variables); io.env unless the caller gave another. */
  readonly env: NodeJS.ProcessEnv;
  /** modelgate.yaml and every manifest, loaded on first use and then kept (services must not load them again). */
  readonly repo: Repository;
  /** git at the root, with the caller's environment (CI credentials) and identity. */
  readonly git: Git;
  /** The clock every record and tag time comes from (tests fix it). */
  now(): Date;
}

export interface WorkspaceOptions {
  /** Defaults to io.env. */
  env?: NodeJS.ProcessEnv;
  /** Options of the git handle (identity, isolation); `env` is passed to git as well. */
  git?: Omit<GitOptions, "env">;
  now?: () => Date;
  /** A repository already loaded (the caller read it for its own reasons): used as is. */
  repo?: Repository;
}

/**
 * The workspace at `root`: `repo` is opts.repo, or `load(root)` on first use. Its own file, without a manifest
 * reader, so that a command can open a workspace over a repository it loaded without yaml and zod (./lazy.ts).
 */
export function workspaceAt(
  root: string,
  io: Io,
  opts: WorkspaceOptions,
  load: (root: string) => Repository,
): Workspace {
  const env = opts.env ?? io.env;
  let repo = opts.repo;
  let git: Git | undefined;
  return {
    root,
    io,
    env,
    get repo() {
      repo ??= load(root);
      return repo;
    },
    get git() {
      git ??= openGit(root, { ...opts.git, env });
      return git;
    },
    now: opts.now ?? (() => new Date()),
  };
}
