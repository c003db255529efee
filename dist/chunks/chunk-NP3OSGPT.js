import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/ledger/tags.ts
var DIGIT = "\\p{Nd}";
var DIRNAME = "[a-zA-Z0-9\\-_./]+";
var NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
var NUM = `(?:0|[1-9]${DIGIT}*)`;
var PRE_ID = `(?:0|[1-9]${DIGIT}*|${DIGIT}*[a-zA-Z\\-][0-9a-zA-Z\\-]*)`;
var SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z\\-]+(?:\\.[0-9a-zA-Z\\-]+)*)?`;
var tagRe = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})(?:(?:#(?<stage>${NAME})|@v(?<version>${SEMVER}))(?<cancel>!?)|@(?<mark>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
  "u"
);
var parsedTags = /* @__PURE__ */ new Map();
function parseTag(tag) {
  if (parsedTags.has(tag)) return parsedTags.get(tag);
  if (parsedTags.size >= 1e5) parsedTags.clear();
  const p = readTag(tag);
  parsedTags.set(tag, p && Object.freeze(p));
  return p;
}
function readTag(tag) {
  const g = tagRe.exec(tag)?.groups;
  if (!g) return void 0;
  const base = { name: g.artifact.replace("=", ":") };
  if (g.counter !== void 0) base.number = Number(g.counter);
  if (g.mark) return { ...base, kind: g.mark };
  if (g.version !== void 0) return { ...base, kind: "version", version: g.version, deregistered: g.cancel === "!" };
  return { ...base, kind: "stage", stage: g.stage, unassigned: g.cancel === "!" };
}
var isModelName = (name) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name);
var versionTag = (name, version) => `${name}@v${version}`;
var deregisterTag = (name, version) => `${name}@v${version}!`;
var stageTag = (name, stage, n) => `${name}#${stage}#${n}`;
var unassignTag = (name, stage, n) => `${name}#${stage}!#${n}`;
function nextStageNumber(tags, name, stage) {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "stage" && p.name === name && p.stage === stage && (p.number ?? 0) > max) max = p.number ?? 0;
  }
  return max + 1;
}
function deregistrationOf(tags, name, version) {
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "version" && p.deregistered && p.name === name && p.version === version) return t;
  }
  return void 0;
}
function parseVersionArg(arg) {
  const t = parseTag(arg);
  if (t?.kind === "version" && !t.deregistered && t.number === void 0) return { name: t.name, version: t.version };
  const m = new RegExp(`^v?(${SEMVER})$`, "u").exec(arg);
  return m ? { version: m[1] } : void 0;
}

export {
  parseTag,
  isModelName,
  versionTag,
  deregisterTag,
  stageTag,
  unassignTag,
  nextStageNumber,
  deregistrationOf,
  parseVersionArg
};
