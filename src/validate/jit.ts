import { setFlagsFromString } from "node:v8";

/**
 * V8's tiering for a short command (issue #25). V8 compiles a function with TurboFan once it has run a budget of
 * bytecode (`--interrupt-budget`, 66 KiB in Node 20's V8 11.3); in `modelgate validate` on a small repository most
 * functions that reach it have little left to run, so the compiles cost more than they save. With a budget of 512 KiB
 * while the command runs, validate on the bundled example took 14% less CPU (measured in turns: 322–331 against
 * 376–386 ms of CPU; 256 KiB and 1 MiB saved less). Only on the V8 it was measured on, and not when the process was
 * started with its own budget; the budget in force before is restored after (the demo runs validate in-process).
 */
const MEASURED_V8 = "11.3.";
const V8_DEFAULT_BUDGET = 67584;
const SHORT_RUN_BUDGET = 524288;

function ownBudget(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((a) =>
    /^--interrupt[-_]budget(=|$)/.test(a),
  );
}

/** Runs `fn` with the short-run budget (where it applies), restoring the default budget after. */
export async function withShortRunTiering<T>(fn: () => Promise<T>): Promise<T> {
  if (!process.versions.v8.startsWith(MEASURED_V8) || ownBudget()) return fn();
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_BUDGET}`);
  try {
    return await fn();
  } finally {
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  }
}
