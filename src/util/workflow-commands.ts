/**
 * GitHub Actions workflow commands, and keeping untrusted text from becoming one. The runner reads every line a step
 * prints: a line starting with `::name …::` (after leading spaces) or holding `##[name …]` anywhere runs the command
 * `name` (set an output, an annotation, a mask, …). Text from a manifest, a record, a data file or a pull request may
 * hold such lines, so inside Actions it is only ever printed between `::stop-commands::<random token>` and
 * `::<token>::`, the runner's own way to print text verbatim; values inside commands modelgate issues itself are
 * escaped as @actions/core escapes them.
 */
import { randomBytes } from "node:crypto";

/** A command's message, escaped as @actions/core does (`%`, CR and LF), so it stays on the command's line. */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value, escaped as @actions/core does (also `:` and `,`, which end a property). */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Whether the runner could read a command in `text` (or in a line that `text` starts or ends part of). */
function mayHoldCommand(text: string): boolean {
  return text.includes("::") || text.includes("##[") || !text.endsWith("\n");
}

/**
 * A JSON document with `::` and `##[` written as JSON escapes (`:\u003a`, `#\u0023[`): the same value for any JSON
 * reader, and no command for the runner. (Outside strings JSON has neither sequence, so only strings change.)
 */
function inertJson(text: string): string | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  return text.replaceAll("::", ":\\u003a").replaceAll("##[", "#\\u0023[");
}

/**
 * Text made inert for the runner: returned as it is when it cannot hold a workflow command (no `::`, no `##[`, ends
 * a line); a JSON document (`--json`) with those sequences as JSON escapes, so that it still parses; anything else
 * wrapped in `::stop-commands::TOKEN` … `::TOKEN::` with a fresh random token, so the runner shows every line and
 * runs none. The result always ends with a line break, so the next write starts a line.
 */
export function neutraliseCommands(text: string): string {
  if (text === "" || !mayHoldCommand(text)) return text;
  const json = inertJson(text);
  if (json !== undefined && !mayHoldCommand(json)) return json;
  let token = randomBytes(16).toString("hex");
  while (text.includes(token)) token = randomBytes(16).toString("hex");
  return `::stop-commands::${token}\n${text}${text.endsWith("\n") ? "" : "\n"}::${token}::\n`;
}

/**
 * A writer for a step's log: inside Actions (`GITHUB_ACTIONS=true`) everything written through it is neutralised;
 * elsewhere it writes as it is.
 */
export function logWriter(write: (text: string) => unknown, env: NodeJS.ProcessEnv): (text: string) => void {
  if (env.GITHUB_ACTIONS !== "true") return (t) => void write(t);
  return (t) => void write(neutraliseCommands(t));
}
