import { type ParseArgsConfig, parseArgs as nodeParseArgs } from "node:util";
import { UserError } from "../errors.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Every command accepts these. */
const common: Options = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
};

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly: an unknown flag or a missing value is a usage error (exit 2)
 * that points at `--help`.
 */
export function parseArgs(command: string, args: string[], options: Options, allowPositionals = true): Parsed {
  try {
    const { values, positionals } = nodeParseArgs({
      args,
      options: { ...common, ...options },
      allowPositionals,
      strict: true,
    });
    return { values: values as Parsed["values"], positionals };
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UserError(`${msg}\nRun \`modelgate ${command} --help\` for usage.`);
  }
}

export function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/**
 * A whole number from `min` to `max` (a flag's or an input's value; `label` names it, e.g. "--resamples"), or
 * undefined when not given. Anything else is a usage error that names it and the range.
 */
export function wholeNumber(label: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined || v === "") return undefined;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserError(
      `${label} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got "${String(v)}"`,
    );
  }
  return n;
}

/** A numeric flag, with a usage error that names the flag when it is not a number. */
export function num(flag: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n)) {
    throw new UserError(`--${flag} expects a number, got "${String(v)}"`);
  }
  return n;
}
