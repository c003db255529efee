import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  gitEnvironment,
  readObjects
} from "./chunk-AVCTVMN2.js";

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
  const rows = [];
  const bad = (why) => {
    throw new GitOutputError("log", why);
  };
  let at = 0;
  let left = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) left++;
  const next = () => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    left--;
    return token;
  };
  const peek = () => at < out.length ? out.charCodeAt(at) : -1;
  while (left > 0) {
    const c = peek();
    if (c === 0 || c === -1 || c === 10 && (at + 1 === out.length || out.charCodeAt(at + 1) === 0)) {
      next();
      continue;
    }
    if (left < FIELD_COUNT) bad(`a commit cut short at field ${tokenIndex(out, at)}`);
    const fields = {
      oid: next(),
      parents: next(),
      an: next(),
      ae: next(),
      ad: next(),
      cn: next(),
      ce: next(),
      cd: next(),
      subject: next(),
      trailers: next()
    };
    if (!OID.test(fields.oid)) bad(`"${fields.oid.slice(0, 50)}" where a commit id belongs`);
    if (fields.parents !== "" && !fields.parents.split(" ").every((p) => OID.test(p)))
      bad(`"${fields.parents.slice(0, 90)}" where parent ids belong`);
    if (!DIGITS.test(fields.ad) || !DIGITS.test(fields.cd)) bad(`commit ${fields.oid} without its dates`);
    const section = [];
    while (left > 0 && (peek() === 58 || peek() === 10 && out.charCodeAt(at + 1) === 58)) {
      const meta = next();
      const s = meta.charCodeAt(0) === 10 ? 1 : 0;
      if (!RAW_META.test(s ? meta.slice(1) : meta) || left === 0)
        bad(`"${meta.slice(0, 120)}" where a change of commit ${fields.oid} belongs`);
      const oldAt = s + 15;
      const oldEnd = meta.charCodeAt(oldAt + 40) === 32 ? oldAt + 40 : oldAt + 64;
      const newEnd = meta.charCodeAt(oldEnd + 41) === 32 ? oldEnd + 41 : oldEnd + 65;
      section.push({
        path: next(),
        status: meta[newEnd + 1],
        oldOid: meta.slice(oldAt, oldEnd),
        newOid: meta.slice(oldEnd + 1, newEnd)
      });
    }
    const last = rows.length > 0 ? rows[rows.length - 1] : void 0;
    if (last && last.oid === fields.oid) last.sections.push(section);
    else {
      const row = fields;
      row.sections = [section];
      rows.push(row);
    }
  }
  for (const r of rows) if (r.sections.length === 1 && r.sections[0].length === 0) r.sections = [];
  return rows;
}
var FIELD_COUNT = Object.keys(LOG_FIELDS).length;
var DIGITS = /^\d+$/;
function tokenIndex(out, at) {
  let n = 0;
  for (let p = out.indexOf("\0"); p >= 0 && p < at; p = out.indexOf("\0", p + 1)) n++;
  return n;
}
async function tagRefs(git, started) {
  return parseTagRefs(await started?.tags.catch(() => void 0) ?? await git.run(TAG_ARGS));
}
var TYPES = /* @__PURE__ */ new Set(["commit", "tag", "tree", "blob"]);
function parseTagRefs(out) {
  const rows = [];
  const bad = (why) => {
    throw new GitOutputError("for-each-ref", why);
  };
  let count = 1;
  for (let p = out.indexOf("\0"); p >= 0; p = out.indexOf("\0", p + 1)) count++;
  let at = 0;
  const next = () => {
    const end = out.indexOf("\0", at);
    const token = end < 0 ? out.slice(at) : out.slice(at, end);
    at = end < 0 ? out.length + 1 : end + 1;
    return token;
  };
  for (let i = 0; i + TAG_FIELD_COUNT < count; i += TAG_FIELD_COUNT) {
    const first = next();
    const fields = {
      ref: first.charCodeAt(0) === 10 ? first.slice(1) : first,
      type: next(),
      object: next(),
      peeledType: next(),
      peeled: next(),
      tagger: next(),
      email: next(),
      date: next(),
      subject: next()
    };
    if (!fields.ref.startsWith("refs/tags/")) bad(`"${fields.ref.slice(0, 80)}" where a tag's ref belongs`);
    if (!TYPES.has(fields.type) || !OID.test(fields.object)) bad(`${fields.ref} without its object`);
    if (fields.peeledType && (!TYPES.has(fields.peeledType) || !OID.test(fields.peeled)))
      bad(`${fields.ref} without the object it peels to`);
    const row = fields;
    row.name = fields.ref.slice(10);
    rows.push(row);
  }
  const rest = count % TAG_FIELD_COUNT === 1 ? out.slice(out.lastIndexOf("\0") + 1) : void 0;
  if (rest === void 0 || rest.trim() !== "") bad("a tag cut short");
  return rows;
}
var TAG_FIELD_COUNT = Object.keys(TAG_FIELDS).length;
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
