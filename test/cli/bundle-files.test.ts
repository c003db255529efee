/**
 * The bundle's files as the commands of scripts/bundle.mjs HOT_PATHS load them: merged by which of those commands
 * load them (Node pays for each file it loads), so that `--help` and `validate` open few. Counted with a module hook
 * in the CLI as scripts/build.mjs bundles it (test/support/run-action.ts), on the fixture repository.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bundleFilesLoaded } from "../support/loaded-files.ts";
import { bundleCli } from "../support/run-action.ts";

/** The bundle's files besides the entry that `node CLI ARGS` loads in `cwd`. */
const filesLoaded = (cli: string, args: string[], cwd: string) =>
  bundleFilesLoaded(cli, args, cwd).filter((u) => u.includes("/chunks/"));

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
