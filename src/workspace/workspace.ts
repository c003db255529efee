import { findRoot, loadRepository } from "../manifest/repo.ts";
import type { Io } from "../util/io.ts";
import { type Workspace, type WorkspaceOptions, workspaceAt } from "./base.ts";

export type { Workspace, WorkspaceOptions } from "./base.ts";

/** Opens the repository that holds `cwd` (or `io.cwd`). Nothing is read until a field asks for it. */
export function openWorkspace(io: Io, opts: WorkspaceOptions & { cwd?: string } = {}): Workspace {
  return workspaceAt(opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd), io, opts, loadRepository);
}
