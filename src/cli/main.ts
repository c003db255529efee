#!/usr/bin/env node
import { CheckFailed, EXIT_USAGE, exitCodeOf, UserError } from "../errors.ts";
import { type Io, processIo } from "../util/io.ts";
import { logWriter } from "../util/workflow-commands.ts";
import { commands } from "./commands.ts";

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(await topHelp());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version" || name === "-V") {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(`modelgate: unknown command "${name}"${suggest(name, Object.keys(commands))}\nRun \`modelgate --help\` for the list.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage.endsWith("\n") ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UserError || err instanceof CheckFailed) {
      io.err(`modelgate ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    io.err(`modelgate ${name}: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return exitCodeOf(err);
  }
}

declare const __MODELGATE_VERSION__: string | undefined;
const VERSION = typeof __MODELGATE_VERSION__ === "string" ? __MODELGATE_VERSION__ : "0.1.0";

async function topHelp(): Promise<string> {
  const loaded = await Promise.all(Object.entries(commands).map(async ([n, load]) => [n, (await load()).summary]));
  const width = Math.max(...loaded.map(([n]) => n.length));
  return [
    "modelgate — release machine-learning models through git",
    "",
    "Usage: modelgate <command> [options]",
    "",
    "Commands:",
    ...loaded.map(([n, s]) => `  ${n.padEnd(width)}  ${s}`),
    "",
    "Every command takes --help. Exit codes: 0 ok, 1 a check or gate failed, 2 usage or configuration error.",
    "",
  ].join("\n");
}

function suggest(word: string, options: string[]): string {
  const near = options.find((o) => o.startsWith(word) || word.startsWith(o));
  return near ? ` (did you mean "${near}"?)` : "";
}

// Run when executed directly (the bundle's entry), not when imported by tests.
const entry = process.argv[1] ?? "";
if (/(?:^|[\\/])(?:cli\.js|main\.ts)$/.test(entry)) {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      logWriter((t) => process.stderr.write(t), process.env)(`modelgate: ${(err as Error)?.stack ?? err}\n`);
      process.exitCode = err instanceof UserError ? EXIT_USAGE : 1;
    },
  );
}
