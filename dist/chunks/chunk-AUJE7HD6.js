import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  processIo
} from "./chunk-UJGMECAW.js";
import {
  logWriter
} from "./chunk-4AOTTLI5.js";
import {
  CheckFailed,
  EXIT_USAGE,
  UserError,
  exitCodeOf
} from "./chunk-QVLUCJ3W.js";

// src/cli/commands.ts
var commands = {
  init: () => import("./init-WMTMMFU3.js").then((m) => m.command),
  plan: () => import("./plan-6XL52PKF.js").then((m) => m.command),
  validate: () => import("./validate-XVOG7RRD.js").then((m) => m.command),
  lock: () => import("./lock-EG3D555X.js").then((m) => m.command),
  train: () => import("./train-2VD7RKOR.js").then((m) => m.command),
  demo: () => import("./demo-I4M6WGE4.js").then((m) => m.command),
  approve: () => import("./approve-TUUKSEQC.js").then((m) => m.command),
  package: () => import("./package-4SDA6FFA.js").then((m) => m.command),
  report: () => import("./report-BILIQQOF.js").then((m) => m.command),
  evaluate: () => import("./evaluate-7ARPPAVN.js").then((m) => m.command),
  publish: () => import("./publish-DH7MHJC4.js").then((m) => m.command)
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
    io.err(`modelgate: unknown command "${name}"${suggest(name, Object.keys(commands))}
Run \`modelgate --help\` for the list.
`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage.endsWith("\n") ? command.usage : `${command.usage}
`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) {
      io.err(`modelgate ${name}: ${err.message}
`);
      return err.exitCode;
    }
    io.err(`modelgate ${name}: internal error: ${err?.stack ?? String(err)}
`);
    return exitCodeOf(err);
  }
}
var VERSION = typeof __MODELGATE_VERSION__ === "string" ? __MODELGATE_VERSION__ : "0.1.0";
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
    "Every command takes --help. Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error.",
    ""
  ].join("\n");
}
function suggest(word, options) {
  const near = options.find((o) => o.startsWith(word) || word.startsWith(o));
  return near ? ` (did you mean "${near}"?)` : "";
}
var entry = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:cli\.js|main\.ts)$/.test(entry)) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      logWriter((t) => process.stderr.write(t), process.env)(`modelgate: ${err?.stack ?? err}
`);
      process.exitCode = err instanceof UserError ? EXIT_USAGE : 1;
    }
  );
}

export {
  main
};
