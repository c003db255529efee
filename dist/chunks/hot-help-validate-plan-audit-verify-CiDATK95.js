import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';

const require$6 = createRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "0.1.0" : packageVersion(new URL("../package.json", import.meta.url));

const require$5 = createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require$5 !== "undefined" ? require$5 : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require$5 !== "undefined" ? require$5 : a)[b]
}) : x)(function(x) {
  if (typeof require$5 !== "undefined") return require$5.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

const require$4 = createRequire(import.meta.url);

// src/errors.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_USAGE = 2;
var EXIT_INTERNAL = 70;
var EXIT_CODES_HELP = "Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error, 70 internal error (a bug in modelgate; please report it with the output).";
function formatPos(pos) {
  return pos.line ? `${pos.file}:${pos.line}:${pos.col ?? 1}` : pos.file;
}
var ModelgateError = class extends Error {
  constructor(message, exitCode, pos) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.exitCode = exitCode;
    this.pos = pos;
    this.name = "ModelgateError";
  }
  exitCode;
  pos;
};
var UserError = class extends ModelgateError {
  constructor(message, pos) {
    super(message, EXIT_USAGE, pos);
    this.name = "UserError";
  }
};
var CheckFailed = class extends ModelgateError {
  constructor(message, pos) {
    super(message, EXIT_FAILED, pos);
    this.name = "CheckFailed";
  }
};
var ENVIRONMENT = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the file system is read-only",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many open files in this process",
  ENFILE: "too many open files on this machine",
  EACCES: "permission denied",
  EPERM: "operation not permitted"
};
var STRERROR = [
  [/No space left on device|Out of diskspace/, "ENOSPC"],
  [/Disk quota exceeded/, "EDQUOT"],
  [/Read-only file system/, "EROFS"],
  [/Input\/output error/, "EIO"],
  [/Too many open files/, "EMFILE"]
];
function fromMessage(err) {
  const message = err instanceof Error ? err.message : void 0;
  if (!message) return void 0;
  for (const [re, code] of STRERROR) {
    const line = message.split("\n").find((l) => re.test(l));
    if (line) return Object.assign(new Error(message), { code, path: line.trim() });
  }
  return void 0;
}
function environmentFailure(err) {
  let e = err;
  if (!(e && typeof e.code === "string" && ENVIRONMENT[e.code])) e = fromMessage(err);
  const what = e && typeof e.code === "string" ? ENVIRONMENT[e.code] : void 0;
  if (!what) return void 0;
  const where = e?.path ? ` (${e.syscall ? `${e.syscall} ` : ""}${e.path}${e.dest ? ` \u2192 ${e.dest}` : ""})` : "";
  const fix = e?.code === "ENOSPC" || e?.code === "EDQUOT" ? "free space there (or point TMPDIR at a larger disk) and run the command again" : e?.code === "EACCES" || e?.code === "EPERM" ? "check the owner and mode of that file or folder" : "run the command again once the machine is fixed";
  return `${what}${where} [${e?.code}]; ${fix}`;
}
function describeError(err) {
  if (err instanceof ModelgateError) return { message: err.message, exitCode: err.exitCode, internal: false };
  const env = environmentFailure(err);
  if (env) return { message: env, exitCode: EXIT_FAILED, internal: false };
  const detail = err instanceof Error ? err.stack ?? `${err.name}: ${err.message}` : String(err);
  return {
    message: `internal error (a bug in modelgate; please report it with this output): ${detail}`,
    exitCode: EXIT_INTERNAL,
    internal: true
  };
}

const require$3 = createRequire(import.meta.url);
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

const require$2 = createRequire(import.meta.url);

// src/util/io.ts
function processIo() {
  const stdout = outputOf(process.stdout);
  const stderr = outputOf(process.stderr);
  return {
    out: logWriter(stdout, process.env),
    err: logWriter(stderr, process.env),
    command: stdout,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY)
  };
}
var watched = /* @__PURE__ */ new WeakSet();
var readerGone = /* @__PURE__ */ new WeakSet();
function outputOf(stream) {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on("error", (err) => {
      if (err.code !== "EPIPE") throw err;
      readerGone.add(stream);
    });
  }
  return (text) => {
    if (!readerGone.has(stream)) stream.write(text);
  };
}
function bufferIo(cwd, env = {}) {
  const io = {
    stdout: "",
    stderr: "",
    out(t) {
      io.stdout += t;
    },
    err(t) {
      io.stderr += t;
    },
    command(t) {
      io.stdout += t;
    },
    cwd,
    env,
    isTTY: false
  };
  return io;
}
function inGitHubActions(env) {
  return env.GITHUB_ACTIONS === "true";
}

const require$1 = createRequire(import.meta.url);

// src/cli/commands.ts
var commands = {
  init: {
    summary: "write a model repository from an ONNX file and a data file",
    load: () => import('./init-RFRDW7FB-CcDt8l95.js').then((m) => m.command)
  },
  plan: {
    summary: "the models a git diff touches, as a matrix for CI",
    load: () => import('./hot-plan-YWGJn6IT.js').then(function (n) { return n.n; }).then((m) => m.command)
  },
  validate: {
    summary: "check manifests, references, digests, data, leakage and drift",
    load: () => import('./hot-validate-Cbhe7qur.js').then(function (n) { return n.aC; }).then((m) => m.command)
  },
  lock: {
    summary: "recompute digests, sizes, row counts and profiles into the manifests",
    load: () => import('./lock-SN4VGJEN-8W9TXDwl.js').then((m) => m.command)
  },
  train: {
    summary: "run a model's training command and verify the ONNX file it writes",
    load: () => import('./train-OPR7ESYQ-Dx5a0gsA.js').then((m) => m.command)
  },
  demo: {
    summary: "run the whole lifecycle offline on the bundled fraud-detection example",
    load: () => import('./command-OZYZVXOW-D87CliY8.js').then((m) => m.command)
  },
  approve: {
    summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
    load: () => import('./approve-B4747VES-Bjw3YYfL.js').then((m) => m.command)
  },
  package: {
    summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
    load: () => import('./package-PYE5UBIR-B-_Zu-C8.js').then((m) => m.command)
  },
  report: {
    summary: "gates \u2192 verdict; sticky PR comment, check runs, job summary, model card",
    load: () => import('./report-UVUPIDOS-DoEkEhzr.js').then((m) => m.command)
  },
  evaluate: {
    summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
    load: () => import('./evaluate-VFTPL2Q6-DSv9KZ0Y.js').then((m) => m.command),
    early: (args) => import('./prestart-RNHIEBFL-cmEbCA_E.js').then((m) => m.prestartScoring(args))
  },
  publish: {
    summary: "on merge: check digests and approval, push the image, write overlays and the promotion record",
    load: () => import('./publish-EEHG5VYF-DD1NakXp.js').then((m) => m.command)
  },
  audit: {
    summary: "the timeline of every model from git alone, what ran at a time, and verify: proof no step was skipped",
    load: () => import('./hot-audit-verify-DZYJh8zf.js').then(function (n) { return n.ah; }).then((m) => m.command)
  },
  release: {
    summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
    load: () => import('./release-LXH5VFBN-BNEOr64m.js').then((m) => m.command)
  },
  attest: {
    summary: "file the bundles a workflow's actions/attest signed beside the records they attest, and on the images",
    load: () => import('./attest-DDVMUL3L-D_ahrDxC.js').then((m) => m.command)
  },
  monitor: {
    summary: "production drift and performance against what the running version was evaluated on; a record in git",
    load: () => import('./monitor-2L6FEQ4O-mF9aAEAV.js').then((m) => m.command),
    early: (args) => import('./prestart-3EDTRWUL-DEyxlRIU.js').then((m) => m.prestartMonitor(args))
  }
};

// src/cli/main.ts
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(topHelp());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version" || name === "-V") {
    io.out(`${VERSION}
`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : void 0;
  if (!entry) {
    io.err(
      `modelgate: unknown command "${name}"${suggest(name, Object.keys(commands))}
Run \`modelgate --help\` for the list.
`
    );
    return EXIT_USAGE;
  }
  const end = await entry.early?.(rest);
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(helpText(command.usage));
      return 0;
    }
    try {
      return await command.run(rest, io);
    } catch (err) {
      return reportError(`modelgate ${name}`, err, io);
    }
  } finally {
    await end?.();
  }
}
function reportError(who, err, io) {
  const d = describeError(err);
  io.err(`${who}: ${d.message}
`);
  return d.exitCode;
}
function helpText(usage) {
  const text = usage.endsWith("\n") ? usage : `${usage}
`;
  return /\b70 internal error/.test(text) ? text : `${text}
${EXIT_CODES_HELP}
`;
}
function topHelp() {
  const loaded = Object.entries(commands).map(([n, c]) => [n, c.summary]);
  const width = Math.max(...loaded.map(([n]) => n.length));
  return [
    "modelgate \u2014 release machine-learning models through git",
    "",
    "Usage: modelgate <command> [options]",
    "",
    "Commands:",
    ...loaded.map(([n, s]) => `  ${n.padEnd(width)}  ${s}`),
    "",
    "Every command takes --help.",
    EXIT_CODES_HELP,
    ""
  ].join("\n");
}
function suggest(word, options) {
  const near = options.find((o) => o.startsWith(word) || word.startsWith(o));
  return near ? ` (did you mean "${near}"?)` : "";
}
function runCli() {
  if (!isMainThread) return;
  const io = processIo();
  const crash = (err) => {
    process.exitCode = reportError("modelgate", err, io);
    process.exit();
  };
  process.on("unhandledRejection", crash);
  process.on("uncaughtException", crash);
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, crash);
}

export { CheckFailed as C, EXIT_OK as E, ModelgateError as M, UserError as U, VERSION as V, __export as _, __commonJS as a, __require as b, __toESM as c, escapeCommandData as d, escapeCommandProperty as e, EXIT_FAILED as f, EXIT_USAGE as g, describeError as h, inGitHubActions as i, __esm as j, __toCommonJS as k, logWriter as l, main as m, environmentFailure as n, bufferIo as o, processIo as p, runCli as r };
