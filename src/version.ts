import { readFileSync } from "node:fs";

/**
 * modelgate's own version, as records and `modelgate --version` state it: the bundles get it from package.json at
 * build time (scripts/bundle.mjs defines `__MODELGATE_VERSION__`); a run from source (tsx) reads package.json.
 */
declare const __MODELGATE_VERSION__: string | undefined;

export const VERSION: string =
  typeof __MODELGATE_VERSION__ === "string"
    ? __MODELGATE_VERSION__
    : packageVersion(new URL("../package.json", import.meta.url));

function packageVersion(url: URL): string {
  const pkg = JSON.parse(readFileSync(url, "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error(`${url.pathname} has no version`);
  return pkg.version;
}
