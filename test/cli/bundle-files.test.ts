/**
 * The bundle's files as the commands of scripts/bundle.mjs HOT_PATHS load them: merged by which of those commands
 * load them (Node pays for each file it loads), so that `--help` and `validate` open few. Counted with a module hook
 * in the CLI as scripts/build.mjs bundles it (test/support/run-action.ts), on the fixture repository.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bundleCli } from "../support/run-action.ts";

/** The bundle's files (besides the entry) that `node CLI ARGS` loads in `cwd`, logged by a module hook. */
function filesLoaded(cli: string, args: string[], cwd: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "mg-bundle-files-"));
  const log = join(dir, "loaded.txt");
  const hooks = join(dir, "hooks.mjs");
  writeFileSync(
    hooks,
    `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(log)}, url + "\\n");\n  return next(url, context);\n}\n`,
  );
  writeFileSync(log, "");
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(hooks).href)})`;
  const r = spawnSync(process.execPath, ["--import", register, cli, ...args], { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const root = pathToFileURL(dirname(cli)).href;
  return [...new Set(readFileSync(log, "utf8").split("\n"))].filter((u) => u.startsWith(`${root}/chunks/`));
}

test("--help loads at most 2 of the bundle's files, validate at most 8 (44 before the merging)", async () => {
  const cli = await bundleCli();
  const { root } = makeFixtureRepo();
  const help = filesLoaded(cli, ["--help"], root);
  assert.ok(help.length <= 2, help.join("\n"));
  const validate = filesLoaded(cli, ["validate"], root);
  assert.ok(validate.length <= 8, validate.join("\n"));
  // each merged file is one of HOT_PATHS' groups, named by the commands that load it
  assert.ok(
    validate.some((u) => /\/chunks\/hot-[a-z-]*validate/.test(u)),
    validate.join("\n"),
  );
});
