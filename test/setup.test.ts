import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEBIAN_PACKAGES, missingPackages, plan } from "../scripts/setup.mjs";

// `npm test` prepares the machine itself (scripts/setup.mjs). The machine running this has everything, so the
// missing-package paths are driven by MODELGATE_TEST_DEBIAN_PACKAGES, a list with a package that does not exist.

const hasDpkg = missingPackages(["git"]) !== undefined;
const ABSENT = "modelgate-test-no-such-package";

test("with everything installed, the set-up says nothing and the tests go on", () => {
  const r = spawnSync(process.execPath, ["scripts/test.mjs", "--setup-only"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, "");
});

test("a Debian package missing, not root: one line naming it and the command to run, exit 2, no test runs", {
  skip: !hasDpkg && "not a Debian system",
}, () => {
  // as a user who is not root (setpriv drops root's uid when the tests run as root)
  const asUser =
    process.getuid?.() === 0
      ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath]
      : [process.execPath];
  const r = spawnSync(asUser[0], [...asUser.slice(1), "scripts/test.mjs", "test/cli.test.ts"], {
    encoding: "utf8",
    env: { ...process.env, MODELGATE_TEST_DEBIAN_PACKAGES: `git ${ABSENT}` },
  });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(
    r.stderr,
    `npm test: the tests need Debian packages that are not installed (${ABSENT}); install them with: sudo apt-get install -y --no-install-recommends ${ABSENT}\n`,
  );
  assert.doesNotMatch(r.stdout, /# tests/);
});

test("as root, missing packages are installed: apt-get update, then install without recommends", () => {
  assert.deepEqual(plan([], true), { action: "none" });
  assert.deepEqual(plan(["skopeo", "umoci"], true), {
    action: "install",
    commands: [
      ["apt-get", "update", "-qq"],
      ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "skopeo", "umoci"],
    ],
  });
  assert.equal(plan(["skopeo"], false).action, "instruct");
});

test("dpkg decides what is missing: the packages the tests use are here, an unknown name is not", {
  skip: !hasDpkg && "not a Debian system",
}, () => {
  assert.deepEqual(missingPackages([...DEBIAN_PACKAGES, ABSENT]), [ABSENT]);
});

test(".ci/run runs the README's test command, which does the set-up (one list of packages)", () => {
  const ci = readFileSync(".ci/run", "utf8");
  assert.match(ci, /^npm test$/m);
  assert.doesNotMatch(ci, /apt-get|dpkg/);
});
