import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  workspaceAt
} from "./chunk-YR32LSL5.js";
import {
  loadRepositoryLazily
} from "./chunk-KMZ2SU7I.js";
import {
  findRoot
} from "./chunk-A6WGSW5D.js";
import {
  escapeCommandData,
  escapeCommandProperty
} from "./chunk-4AOTTLI5.js";

// src/util/annotations.ts
import { relative, resolve } from "node:path";
function annotationCommands(findings, root, env, tool) {
  const workspace = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : root;
  return findings.map((f) => {
    const file = relative(workspace, resolve(root, f.file)).split("\\").join("/");
    const props = [`file=${escapeCommandProperty(file)}`];
    if (f.line) props.push(`line=${f.line}`, `col=${f.col ?? 1}`);
    props.push(`title=${escapeCommandProperty(`${tool} (${f.check})`)}`);
    const msg = f.column ? `column "${f.column}": ${f.message}` : f.message;
    return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escapeCommandData(msg)}
`;
  }).join("");
}

// src/workspace/lazy.ts
async function openWorkspaceLazily(io, opts = {}) {
  const root = opts.repo?.root ?? findRoot(opts.cwd ?? io.cwd);
  const repo = opts.repo ?? await loadRepositoryLazily(root);
  return workspaceAt(root, io, { ...opts, repo }, () => repo);
}

export {
  annotationCommands,
  openWorkspaceLazily
};
