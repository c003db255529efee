import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  processIo
} from "./chunk-UJGMECAW.js";
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
  init: () => import("./init-AF7SHJQI.js").then((m) => m.command),
  plan: () => import("./plan-D7RQZJ5N.js").then((m) => m.command),
  validate: () => import("./validate-PS6P2QZS.js").then((m) => m.command),
  lock: () => import("./lock-N2NDBCCO.js").then((m) => m.command),
  train: () => import("./train-WLYXJQXC.js").then((m) => m.command),
  demo: () => import("./command-AT42KSRG.js").then((m) => m.command),
  approve: () => import("./approve-46LTCMT6.js").then((m) => m.command),
  package: () => import("./package-RR2HCUGS.js").then((m) => m.command),
  report: () => import("./report-GPPISDV4.js").then((m) => m.command),
  evaluate: () => import("./evaluate-QFQETA2P.js").then((m) => m.command),
  publish: () => import("./publish-W2RCNWOZ.js").then((m) => m.command),
  audit: () => import("./audit-C6HA4WRD.js").then((m) => m.command),
  release: () => import("./release-SY5AKFMY.js").then((m) => m.command),
  attest: () => import("./attest-XMO4BQRO.js").then((m) => m.command),
  monitor: () => import("./monitor-27AOBF4Y.js").then((m) => m.command)
};

// src/cli/main.ts
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(await topHelp());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version" || name === "-V") {
    io.out(`${VERSION}
`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(
      `modelgate: unknown command "${name}"${suggest(name, Object.keys(commands))}
Run \`modelgate --help\` for the list.
`
    );
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(helpText(command.usage));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    return reportError(`modelgate ${name}`, err, io);
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
async function topHelp() {
  const loaded = await Promise.all(Object.entries(commands).map(async ([n, load]) => [n, (await load()).summary]));
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
