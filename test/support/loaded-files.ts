import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The files of a bundle that `node CLI ARGS` loads in `cwd`, as file URLs in the order first loaded: a module hook,
 * registered before the CLI starts (it runs in its own thread), logs each URL it is asked to load, and those under the
 * CLI's folder are kept. For bench/startup.ts (how many files each command loads) and the bundle's tests.
 */
export function bundleFilesLoaded(cli: string, args: string[], cwd: string, expect = 0): string[] {
  const dir = mkdtempSync(join(tmpdir(), "mg-loaded-"));
  try {
    const log = join(dir, "loaded.txt");
    const hooks = join(dir, "hooks.mjs");
    writeFileSync(
      hooks,
      `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}
`,
    );
    writeFileSync(log, "");
    const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(hooks).href)})`;
    const r = spawnSync(process.execPath, ["--import", register, cli, ...args], { cwd, encoding: "utf8" });
    if (r.status !== expect)
      throw new Error(`node ${cli} ${args.join(" ")} exited ${r.status}: ${r.stdout}${r.stderr}`);
    const root = `${pathToFileURL(dirname(cli)).href}/`;
    return [...new Set(readFileSync(log, "utf8").split("\n"))].filter((u) => u.startsWith(root));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
