import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE, findRoot } from "../manifest/basics.ts";
import { fastYamlValue } from "../manifest/yaml-fast.ts";

/**
 * Whether modelgate.yaml (found from `cwd` up by findRoot) may name a trust policy
 * (spec.trustPolicy), read without the workspace, zod or yaml: false only when it certainly names none — there is no
 * modelgate.yaml, or the fast YAML reader's value of it has no string spec.trustPolicy (a configuration without one,
 * valid or not, names no policy). Anything else (a file it cannot read, YAML outside the fast reader's style, a
 * policy named) is true: the caller opens the workspace and reads the configuration as before.
 */
export function mayNameTrustPolicy(cwd: string): boolean {
  let root: string;
  try {
    root = findRoot(cwd);
  } catch {
    return false; // no modelgate.yaml here or above
  }
  let text: string;
  try {
    text = readFileSync(join(root, CONFIG_FILE), "utf8");
  } catch {
    return true;
  }
  const value = fastYamlValue(text);
  if (value === undefined) return true;
  const spec = isObject(value) && Object.hasOwn(value, "spec") ? value.spec : undefined;
  return isObject(spec) && Object.hasOwn(spec, "trustPolicy") && typeof spec.trustPolicy === "string";
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
