import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  gitEnvironment,
  readObjects
} from "./chunk-BW3OKQ3E.js";

// src/git/history.ts
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
var LOG_FIELDS = {
  oid: "%H",
  parents: "%P",
  an: "%an",
  ae: "%ae",
  ad: "%at",
  cn: "%cn",
  ce: "%ce",
  cd: "%ct",
  subject: "%s",
  trailers: "%(trailers:unfold,only)"
};
var LOG_OPTIONS = [
  "--no-color",
  "--no-show-signature",
  "-z",
  "--raw",
  "--no-abbrev",
  "--no-renames",
  "--full-history",
  "--diff-merges=separate",
  "--reverse"
];
function topPathspecs(paths, globs = []) {
  return [...paths.map((p) => `:(top,literal)${p}`), ...globs.map((g) => `:(top,glob)${g}`)];
}
function logArgs(tip, paths, globs = []) {
  const format = Object.values(LOG_FIELDS).join("%x00");
  return ["log", `--format=${format}`, ...LOG_OPTIONS, tip, "--", ...topPathspecs(paths, globs)];
}
var TAG_FIELDS = {
  ref: "%(refname)",
  type: "%(objecttype)",
  object: "%(objectname)",
  peeledType: "%(*objecttype)",
  peeled: "%(*objectname)",
  tagger: "%(taggername)",
  email: "%(taggeremail:trim)",
  date: "%(taggerdate:unix)",
  subject: "%(contents:subject)"
};
var TAG_ARGS = ["for-each-ref", `--format=${Object.values(TAG_FIELDS).join("%00")}%00`, "refs/tags"];
var GitOutputError = class extends Error {
  constructor(command, why) {
    super(`git ${command} printed output modelgate cannot read (${why}); run it by hand to see what git says`);
    this.name = "GitOutputError";
  }
};
var OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var RAW_META = /^:(\d{6}) (\d{6}) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{40}(?:[0-9a-f]{24})?) ([A-Z])\d*$/;
async function logChanges(git, tip, paths, globs = [], started) {
  const ahead = started && sameList(started.paths, paths) && sameList(started.globs, globs) ? started.log : void 0;
  return parseLog(await ahead?.catch(() => void 0) ?? await git.run(logArgs(tip, paths, globs)));
}
var sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
function startHistoryReads(cwd, opts) {
  const reads = {
    paths: opts.paths,
    globs: opts.globs,
    log: gitOutput(cwd, logArgs("HEAD", opts.paths, opts.globs)),
    tags: gitOutput(cwd, TAG_ARGS),
    ...opts.reachable ? { reachable: gitOutput(cwd, ["rev-list", "HEAD"]) } : {}
  };
  for (const p of [reads.log, reads.tags, reads.reachable]) p?.catch(() => {
  });
  readObjects(cwd, gitEnvironment(), ["HEAD^{commit}", "HEAD:modelgate.yaml", "HEAD:records"]).catch(() => {
  });
  return reads;
}
function gitOutput(cwd, args) {
  return new Promise((resolve, reject) => {
    let fd;
    try {
      const path = join(tmpdir(), `modelgate-git-${process.pid}-${randomBytes(6).toString("hex")}`);
      fd = openSync(path, "wx+", 384);
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
function parseLog(out) {
  const keys = Object.keys(LOG_FIELDS);
  const tokens = out.split("\0");
  const rows = [];
  let i = 0;
  const bad = (why) => {
    throw new GitOutputError("log", why);
  };
  while (i < tokens.length) {
    if (tokens[i] === "" || tokens[i] === "\n") {
      i++;
      continue;
    }
    if (i + keys.length > tokens.length) bad(`a commit cut short at field ${i}`);
    const fields = Object.fromEntries(keys.map((k, j) => [k, tokens[i + j]]));
    i += keys.length;
    if (!OID.test(fields.oid)) bad(`"${fields.oid.slice(0, 50)}" where a commit id belongs`);
    if (fields.parents !== "" && !fields.parents.split(" ").every((p) => OID.test(p)))
      bad(`"${fields.parents.slice(0, 90)}" where parent ids belong`);
    if (!/^\d+$/.test(fields.ad) || !/^\d+$/.test(fields.cd)) bad(`commit ${fields.oid} without its dates`);
    const section = [];
    while (i < tokens.length && /^\n?:/.test(tokens[i])) {
      const m = RAW_META.exec(tokens[i].replace(/^\n/, ""));
      if (!m || i + 1 >= tokens.length)
        bad(`"${tokens[i].slice(0, 120)}" where a change of commit ${fields.oid} belongs`);
      const [, , , oldOid, newOid, status] = m;
      section.push({ path: tokens[i + 1], status, oldOid, newOid });
      i += 2;
    }
    const last = rows.at(-1);
    if (last && last.oid === fields.oid) last.sections.push(section);
    else rows.push({ ...fields, sections: [section] });
  }
  for (const r of rows) if (r.sections.length === 1 && r.sections[0].length === 0) r.sections = [];
  return rows;
}
async function tagRefs(git, started) {
  return parseTagRefs(await started?.tags.catch(() => void 0) ?? await git.run(TAG_ARGS));
}
var TYPES = /* @__PURE__ */ new Set(["commit", "tag", "tree", "blob"]);
function parseTagRefs(out) {
  const keys = Object.keys(TAG_FIELDS);
  const tokens = out.split("\0");
  const rows = [];
  const bad = (why) => {
    throw new GitOutputError("for-each-ref", why);
  };
  for (let i = 0; i + keys.length < tokens.length; i += keys.length) {
    const fields = Object.fromEntries(keys.map((k, j) => [k, tokens[i + j]]));
    fields.ref = fields.ref.replace(/^\n/, "");
    if (!fields.ref.startsWith("refs/tags/")) bad(`"${fields.ref.slice(0, 80)}" where a tag's ref belongs`);
    if (!TYPES.has(fields.type) || !OID.test(fields.object)) bad(`${fields.ref} without its object`);
    if (fields.peeledType && (!TYPES.has(fields.peeledType) || !OID.test(fields.peeled)))
      bad(`${fields.ref} without the object it peels to`);
    rows.push({ ...fields, name: fields.ref.slice("refs/tags/".length) });
  }
  const rest = tokens.length % keys.length === 1 ? tokens.at(-1) : void 0;
  if (rest === void 0 || rest.trim() !== "") bad("a tag cut short");
  return rows;
}
async function reachableCommits(git, tip, started) {
  const out = await started?.reachable?.catch(() => void 0) ?? await git.run(["rev-list", tip]);
  return new Set(out.split("\n").filter(Boolean));
}
async function topLevel(git) {
  return await git.tryRun(["rev-parse", "--show-toplevel"]) || void 0;
}

// src/audit/paths.ts
var CONFIG_PATH = "modelgate.yaml";
var LOG_GLOBS = ["**/MODEL_CARD.md"];
var logPaths = (config) => [
  `${config.deploy}/`,
  `${config.records}/`,
  CONFIG_PATH
];
var DEFAULT_LOG_PATHS = logPaths({ deploy: "deploy", records: "records" });

export {
  logChanges,
  startHistoryReads,
  tagRefs,
  reachableCommits,
  topLevel,
  CONFIG_PATH,
  LOG_GLOBS,
  logPaths,
  DEFAULT_LOG_PATHS
};
