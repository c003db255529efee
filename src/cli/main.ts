import { isMainThread } from "node:worker_threads";
import { describeError, EXIT_CODES_HELP, EXIT_USAGE } from "../errors.ts";
import { type Io, processIo } from "../util/io.ts";
import { VERSION } from "../version.ts";
import { commands } from "./commands.ts";

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(topHelp());
    return name ? 0 : EXIT_USAGE;
  }
  if (name === "--version" || name === "-V") {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    io.err(
      `modelgate: unknown command "${name}"${suggest(name, Object.keys(commands))}\nRun \`modelgate --help\` for the list.\n`,
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

/** The one place an error becomes what the person sees and an exit code (the actions have theirs in _runtime). */
export function reportError(who: string, err: unknown, io: Pick<Io, "err">): number {
  const d = describeError(err);
  io.err(`${who}: ${d.message}\n`);
  return d.exitCode;
}

/** A command's usage, ending with the exit codes every command shares. */
export function helpText(usage: string): string {
  const text = usage.endsWith("\n") ? usage : `${usage}\n`;
  return /\b70 internal error/.test(text) ? text : `${text}\n${EXIT_CODES_HELP}\n`;
}

/** The list of commands, from the table alone: no command module is loaded for it. */
function topHelp(): string {
  const loaded = Object.entries(commands).map(([n, c]) => [n, c.summary]);
  const width = Math.max(...loaded.map(([n]) => n.length));
  return [
    "modelgate — release machine-learning models through git",
    "",
    "Usage: modelgate <command> [options]",
    "",
    "Commands:",
    ...loaded.map(([n, s]) => `  ${n.padEnd(width)}  ${s}`),
    "",
    "Every command takes --help.",
    EXIT_CODES_HELP,
    "",
  ].join("\n");
}

function suggest(word: string, options: string[]): string {
  const near = options.find((o) => o.startsWith(word) || word.startsWith(o));
  return near ? ` (did you mean "${near}"?)` : "";
}

/** Runs the command line of this process and sets its exit code (the `modelgate` command, src/cli/bin.ts). */
export function runCli(): void {
  // a worker thread that loads the bundled entry runs its worker module, never the command again
  if (!isMainThread) return;
  const io = processIo();
  // A promise nobody awaits that fails is still an error of this run: it takes the same path as any other.
  const crash = (err: unknown) => {
    process.exitCode = reportError("modelgate", err, io);
    process.exit();
  };
  process.on("unhandledRejection", crash);
  process.on("uncaughtException", crash);
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, crash);
}
