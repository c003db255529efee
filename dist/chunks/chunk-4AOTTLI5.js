import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/workflow-commands.ts
import { randomBytes } from "node:crypto";
function escapeCommandData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeCommandProperty(s) {
  return escapeCommandData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function mayHoldCommand(text) {
  return text.includes("::") || text.includes("##[") || !text.endsWith("\n");
}
function inertJson(text) {
  if (!/^\s*[[{]/.test(text)) return void 0;
  try {
    JSON.parse(text);
  } catch {
    return void 0;
  }
  return text.replaceAll("::", ":\\u003a").replaceAll("##[", "#\\u0023[");
}
function neutraliseCommands(text) {
  if (text === "" || !mayHoldCommand(text)) return text;
  const json = inertJson(text);
  if (json !== void 0 && !mayHoldCommand(json)) return json;
  let token = randomBytes(16).toString("hex");
  while (text.includes(token)) token = randomBytes(16).toString("hex");
  return `::stop-commands::${token}
${text}${text.endsWith("\n") ? "" : "\n"}::${token}::
`;
}
function logWriter(write, env) {
  if (env.GITHUB_ACTIONS !== "true") return (t) => void write(t);
  return (t) => void write(neutraliseCommands(t));
}

export {
  escapeCommandData,
  escapeCommandProperty,
  logWriter
};
