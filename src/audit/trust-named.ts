import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fastYamlValue } from "../manifest/yaml-fast.ts";
import { CONFIG_PATH } from "./paths.ts";

/**
 * Whether modelgate.yaml (found from `cwd` up, as ../manifest/repo.ts findRoot finds it) may name a trust policy
 * (spec.trustPolicy), read without the workspace, zod or yaml: false only when it certainly names none — there is no
 * modelgate.yaml, or the fast YAML reader's value of it has no string spec.trustPolicy (a configuration without one,
 * valid or not, names no policy). Anything else (a file it cannot read, YAML outside the fast reader's style, a
 * policy named) is true: the caller opens the workspace and reads the configuration as before.
 */
export function mayNameTrustPolicy(cwd: string): boolean {
  let dir = resolve(cwd);
  for (;;) {
    const file = join(dir, CONFIG_PATH);
    if (existsSync(file)) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return true;
      }
      const value = fastYamlValue(text);
      if (value === undefined) return true;
      const spec = isObject(value) && Object.hasOwn(value, "spec") ? value.spec : undefined;
      return isObject(spec) && Object.hasOwn(spec, "trustPolicy") && typeof spec.trustPolicy === "string";
    }
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
