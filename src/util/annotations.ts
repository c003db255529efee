import { relative, resolve } from "node:path";
import type { Finding } from "../manifest/findings.ts";
import { escapeCommandData as escData, escapeCommandProperty as escProp } from "./workflow-commands.ts";

/**
 * `::error file=…,line=…,col=…,title=…::message` workflow commands, so that findings show on the PR's diff.
 * File paths are made relative to GITHUB_WORKSPACE (the repository may live in a subfolder of it).
 */
export function annotationCommands(findings: Finding[], root: string, env: NodeJS.ProcessEnv, tool: string): string {
  const workspace = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : root;
  return findings
    .map((f) => {
      const file = relative(workspace, resolve(root, f.file)).split("\\").join("/");
      const props = [`file=${escProp(file)}`];
      if (f.line) props.push(`line=${f.line}`, `col=${f.col ?? 1}`);
      props.push(`title=${escProp(`${tool} (${f.check})`)}`);
      const msg = f.column ? `column "${f.column}": ${f.message}` : f.message;
      return `::${f.severity === "error" ? "error" : "warning"} ${props.join(",")}::${escData(msg)}\n`;
    })
    .join("");
}
