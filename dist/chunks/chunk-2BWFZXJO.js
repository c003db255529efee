import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-VPZGVLTG.js";

// src/util/args.ts
import { parseArgs as nodeParseArgs } from "node:util";
var common = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" }
};
function parseArgs(command, args, options, allowPositionals = true) {
  try {
    const { values, positionals } = nodeParseArgs({
      args,
      options: { ...common, ...options },
      allowPositionals,
      strict: true
    });
    return { values, positionals };
  } catch (err) {
    const msg = err.message.replace(/\. To specify a positional argument.*$/s, "");
    throw new UserError(`${msg}
Run \`modelgate ${command} --help\` for usage.`);
  }
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function wholeNumber(label, v, min, max) {
  if (v === void 0 || v === "") return void 0;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UserError(
      `${label} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got "${String(v)}"`
    );
  }
  return n;
}
function num(flag, v) {
  if (v === void 0) return void 0;
  const n = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(n)) {
    throw new UserError(`--${flag} expects a number, got "${String(v)}"`);
  }
  return n;
}

export {
  parseArgs,
  str,
  wholeNumber,
  num
};
