import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CheckFailed } from "../../src/errors.ts";
import { openGit } from "../../src/git/index.ts";
import { appendToLedger, parseLedger } from "../../src/ledger/ledger.ts";
import { nextStageNumber, stageTag } from "../../src/ledger/tags.ts";
import { writeAndPush } from "../../src/ledger/writer.ts";

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
const sh = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@x", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@x" },
  }).trim();

/** A bare remote with one commit on main, and a clone of it. */
function setup(): { remote: string; clone: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "mg-writer-"));
  const remote = join(dir, "remote.git");
  sh(dir, "init", "-q", "--bare", "-b", "main", remote);
  const seed = join(dir, "seed");
  sh(dir, "clone", "-q", remote, seed);
  writeFileSync(join(seed, "README.md"), "hello\n");
  sh(seed, "add", "README.md");
  sh(seed, "commit", "-q", "-m", "init");
  sh(seed, "push", "-q", "origin", "HEAD:main");
  return {
    remote,
    clone: (name) => {
      const c = join(dir, name);
      sh(dir, "clone", "-q", remote, c);
      return c;
    },
  };
}

const identity = { name: "modelgate[bot]", email: "bot@example.com" };

/** A change that appends one entry to a model's counter file and tags the new commit m#staging#N. */
function counterChange(model: string, writer = "w") {
  return async (tip: { read(p: string): Promise<string | undefined>; tags: Set<string> }) => {
    const path = `records/${model}/log.txt`;
    const old = (await tip.read(path)) ?? "";
    const n = nextStageNumber(tip.tags, model, "staging");
    return {
      files: { [path]: `${old}entry ${n} by ${writer}\n` },
      message: `${model}: entry ${n}\n\nModel: ${model}`,
      tags: [{ name: stageTag(model, "staging", n), target: "HEAD", message: `${model} to staging` }],
    };
  };
}

test("a change lands as one commit with its annotated tag; the working tree of the clone is not touched", async () => {
  const { remote, clone } = setup();
  const c = clone("a");
  writeFileSync(join(c, "README.md"), "local edit\n");
  const r = await writeAndPush(openGit(c), { remote: "origin", branch: "main" }, counterChange("m"), { identity });
  assert.ok(r);
  assert.deepEqual(r.tags, ["m#staging#1"]);
  assert.equal(sh(remote, "rev-parse", "main"), r.commit);
  assert.equal(sh(remote, "show", "main:records/m/log.txt"), "entry 1 by w");
  assert.equal(sh(remote, "cat-file", "-t", "m#staging#1"), "tag");
  assert.equal(sh(remote, "rev-parse", "m#staging#1^{commit}"), r.commit);
  assert.equal(sh(remote, "log", "-1", "--format=%an <%ae>", "main"), "modelgate[bot] <bot@example.com>");
  assert.equal(sh(c, "status", "--porcelain"), "M README.md", "the user's edit is still there, nothing else changed");
});

test("a push rejected three times (the remote's hook refuses) is retried on the new tip and lands", async () => {
  const { remote, clone } = setup();
  const counter = join(remote, "rejections");
  writeFileSync(counter, "0");
  const hook = join(remote, "hooks", "pre-receive");
  writeFileSync(
    hook,
    `#!/bin/sh\nn=$(cat ${counter}); if [ "$n" -lt 3 ]; then echo $((n+1)) > ${counter}; echo "rejected by test hook" >&2; exit 1; fi\nexit 0\n`,
  );
  chmodSync(hook, 0o755);
  const logs: string[] = [];
  const r = await writeAndPush(openGit(clone("a")), { remote: "origin", branch: "main" }, counterChange("m"), {
    identity,
    backoffMs: 5,
    log: (l) => logs.push(l),
  });
  assert.equal(r?.attempts, 4);
  assert.equal(logs.length, 3);
  // the log says why, in the remote's own words, not always "the branch moved"
  for (const l of logs)
    assert.match(l, /push rejected \(attempt \d\): .*\[remote rejected\].*remote: rejected by test hook/);
  assert.equal(sh(remote, "show", "main:records/m/log.txt"), "entry 1 by w");
});

test("rejected pushes are retried for a time budget, not a count, and the error says the budget ran out", async () => {
  const { remote, clone } = setup();
  const hook = join(remote, "hooks", "pre-receive");
  writeFileSync(hook, "#!/bin/sh\necho 'busy, try later' >&2\nexit 1\n");
  chmodSync(hook, 0o755);
  const logs: string[] = [];
  await assert.rejects(
    writeAndPush(openGit(clone("a")), { remote: "origin", branch: "main" }, counterChange("m"), {
      identity,
      backoffMs: 1,
      budgetMs: 1_500,
      log: (l) => logs.push(l),
    }),
    (err: Error) => {
      assert.ok(err instanceof CheckFailed);
      assert.match(err.message, /gave up after \d+ attempts in \d+ s, the push budget \(2 s; MODELGATE_PUSH_BUDGET\)/);
      assert.match(err.message, /busy, try later/);
      return true;
    },
  );
  assert.ok(logs.length >= 1);
});

test("under long contention a push lands after more than six rejections, within the time budget", async () => {
  const { remote, clone } = setup();
  const counter = join(remote, "rejections");
  writeFileSync(counter, "0");
  const hook = join(remote, "hooks", "pre-receive");
  writeFileSync(
    hook,
    `#!/bin/sh\nn=$(cat ${counter}); if [ "$n" -lt 8 ]; then echo $((n+1)) > ${counter}; echo "[rejected] (fetch first)" >&2; exit 1; fi\nexit 0\n`,
  );
  chmodSync(hook, 0o755);
  const r = await writeAndPush(openGit(clone("a")), { remote: "origin", branch: "main" }, counterChange("m"), {
    identity,
    backoffMs: 1,
  });
  assert.equal(r?.attempts, 9);
});

test("a hook that always refuses ends in an error after the bounded attempts, with nothing pushed", async () => {
  const { remote, clone } = setup();
  const before = sh(remote, "rev-parse", "main");
  const hook = join(remote, "hooks", "pre-receive");
  writeFileSync(hook, "#!/bin/sh\necho 'rejected by test hook' >&2\nexit 1\n");
  chmodSync(hook, 0o755);
  await assert.rejects(
    writeAndPush(openGit(clone("a")), { remote: "origin", branch: "main" }, counterChange("m"), {
      identity,
      backoffMs: 1,
      maxAttempts: 3,
    }),
    (err: Error) => {
      assert.ok(err instanceof CheckFailed, "a refused push is a failed step (exit 1), not an internal error");
      assert.match(err.message, /^could not push to main of origin \(attempt 3\): .*rejected by test hook/s);
      return true;
    },
  );
  assert.equal(sh(remote, "rev-parse", "main"), before);
  assert.equal(sh(remote, "tag", "-l"), "");
});

test("eight concurrent writers, two models, four clones each: every entry lands, tag numbers are unique and gapless", async () => {
  const { remote, clone } = setup();
  const jobs = Array.from({ length: 8 }, (_, i) => {
    const model = i % 2 === 0 ? "a" : "b";
    return writeAndPush(openGit(clone(`c${i}`)), { remote: "origin", branch: "main" }, counterChange(model, `w${i}`), {
      identity,
      backoffMs: 20,
      maxAttempts: 20,
    });
  });
  const results = await Promise.all(jobs);
  assert.ok(results.every(Boolean));
  for (const model of ["a", "b"]) {
    const lines = sh(remote, "show", `main:records/${model}/log.txt`).split("\n");
    assert.deepEqual(
      lines.map((l) => l.replace(/ by w\d$/, "")),
      ["entry 1", "entry 2", "entry 3", "entry 4"],
    );
    assert.equal(new Set(lines.map((l) => l.replace(/^entry \d /, ""))).size, 4, "each writer's entry is there");
    assert.deepEqual(
      sh(remote, "tag", "-l", `${model}#staging#*`).split("\n").sort(),
      [1, 2, 3, 4].map((n) => `${model}#staging#${n}`),
    );
  }
});

test("nothing to do (compute returns undefined) pushes nothing", async () => {
  const { remote, clone } = setup();
  const before = sh(remote, "rev-parse", "main");
  const r = await writeAndPush(openGit(clone("a")), { remote: "origin", branch: "main" }, async () => undefined, {
    identity,
  });
  assert.equal(r, undefined);
  assert.equal(sh(remote, "rev-parse", "main"), before);
});

test("ledger appends made on successive tips keep one unbroken chain", async () => {
  const { remote, clone } = setup();
  const path = "records/m/promotions.jsonl";
  for (let i = 0; i < 3; i++) {
    await writeAndPush(
      openGit(clone(`c${i}`)),
      { remote: "origin", branch: "main" },
      async (tip) => {
        const { text } = appendToLedger((await tip.read(path)) ?? "", {
          apiVersion: "modelgate.dev/v1alpha1",
          kind: "PromotionRecord",
          action: "publish",
          at: "2026-11-29T00:00:00Z",
          model: { name: "m", version: `1.${i}.0`, sha256: "a".repeat(64), path: "models/m/model.onnx" },
          data: [],
          evaluation: { record: `sha256:${"c".repeat(64)}`, path: "x", verdict: "pass", gates: [], metrics: {} },
          pullRequest: null,
          approvals: [],
          image: { reference: "r", digest: `sha256:${"e".repeat(64)}` },
          environment: "staging",
          stageTag: `m#staging#${i + 1}`,
          source: "f".repeat(40),
          triggeredBy: "bob",
        });
        return { files: { [path]: text }, message: "append", tags: [] };
      },
      { identity },
    );
  }
  const { entries, problems } = parseLedger(sh(remote, "show", `main:${path}`));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    entries.map((e) => e.record.sequence),
    [1, 2, 3],
  );
});

test("the push uses the caller's git environment (where CI puts its credentials), not only the process's", async () => {
  const { remote, clone } = setup();
  // The remote is reachable only through configuration the caller's environment carries, as a token header is.
  const env = { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "remote.ci-only.url", GIT_CONFIG_VALUE_0: remote };
  const r = await writeAndPush(
    openGit(clone("a"), { env }),
    { remote: "ci-only", branch: "main" },
    counterChange("m"),
    {
      identity,
    },
  );
  assert.ok(r);
  assert.equal(sh(remote, "rev-parse", "main"), r.commit);
  assert.equal(sh(remote, "rev-parse", "m#staging#1^{commit}"), r.commit);
});
