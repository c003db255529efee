import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  processIo
} from "./chunk-KQ33QBFR.js";
import {
  VERSION
} from "./chunk-3BUM2VMV.js";
import {
  EXIT_CODES_HELP,
  EXIT_USAGE,
  describeError
} from "./chunk-VPZGVLTG.js";

// src/cli/main.ts
import { isMainThread } from "node:worker_threads";

// src/cli/commands.ts
var commands = {
  init: {
    summary: "write a model repository from an ONNX file and a data file",
    load: () => import("./init-2KFYAKT6.js").then((m) => m.command)
  },
  plan: {
    summary: "the models a git diff touches, as a matrix for CI",
    load: () => import("./plan-EJILZH5D.js").then((m) => m.command)
  },
  validate: {
    summary: "check manifests, references, digests, data, leakage and drift",
    load: () => import("./validate-QCEKXPW4.js").then((m) => m.command)
  },
  lock: {
    summary: "recompute digests, sizes, row counts and profiles into the manifests",
    load: () => import("./lock-PJZBCH3X.js").then((m) => m.command)
  },
  train: {
    summary: "run a model's training command and verify the ONNX file it writes",
    load: () => import("./train-OPR7ESYQ.js").then((m) => m.command)
  },
  demo: {
    summary: "run the whole lifecycle offline on the bundled fraud-detection example",
    load: () => import("./command-3CF5LJR3.js").then((m) => m.command)
  },
  approve: {
    summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
    load: () => import("./approve-B4747VES.js").then((m) => m.command)
  },
  package: {
    summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
    load: () => import("./package-PYE5UBIR.js").then((m) => m.command)
  },
  report: {
    summary: "gates \u2192 verdict; sticky PR comment, check runs, job summary, model card",
    load: () => import("./report-V7TA35LE.js").then((m) => m.command)
  },
  evaluate: {
    summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
    load: () => import("./evaluate-VFTPL2Q6.js").then((m) => m.command),
    early: (args) => import("./prestart-RNHIEBFL.js").then((m) => m.prestartScoring(args))
  },
  publish: {
    summary: "on merge: check digests and approval, push the image, write overlays and the promotion record",
    load: () => import("./publish-7PP22TP5.js").then((m) => m.command)
  },
  audit: {
    summary: "the timeline of every model from git alone, what ran at a time, and verify: proof no step was skipped",
    load: () => import("./audit-OSHRWCN2.js").then((m) => m.command)
  },
  release: {
    summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
    load: () => import("./release-LXH5VFBN.js").then((m) => m.command)
  },
  attest: {
    summary: "file the bundles a workflow's actions/attest signed beside the records they attest, and on the images",
    load: () => import("./attest-DDVMUL3L.js").then((m) => m.command)
  },
  monitor: {
    summary: "production drift and performance against what the running version was evaluated on; a record in git",
    load: () => import("./monitor-STQOBPOU.js").then((m) => m.command),
    early: (args) => import("./prestart-3EDTRWUL.js").then((m) => m.prestartMonitor(args))
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

export {
  main,
  runCli
};
