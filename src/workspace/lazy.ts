import { findRoot } from "../manifest/basics.ts";
import { loadRepositoryLazily } from "../manifest/loaded.ts";
import type { Io } from "../util/io.ts";
import { type Workspace, type WorkspaceOptions, workspaceAt } from "./base.ts";

/**
 * openWorkspace (./workspace.ts) with the manifests loaded now, without yaml and zod when every manifest is valid
 * and plain (manifest/loaded.ts loadRepositoryLazily): for a command whose start is measured (validate, issue #25).
 */
export async function openWorkspaceLazily(io: Io, opts: WorkspaceOptions & { cwd?: string } = {}): Promise<Workspace> {
  const root = opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd);
  const repo = opts.repo ?? (await loadRepositoryLazily(root));
  return workspaceAt(root, io, { ...opts, repo }, () => repo);
}
