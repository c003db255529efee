import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { sha256Bytes } from "../../src/data/hash.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";

// validate, lock and evaluate read a data file through the one reader: a fault in the file gets one verdict — the
// same exit code (1, a failed data check) and a message naming the file and the line — whichever command found it.

/** The fixture repository with its evaluation CSV replaced (digest and row count kept in step). */
function repoWith(edit: (lines: string[]) => void, rows = 300) {
  const { root } = makeFixtureRepo();
  const lines = churnCsv(2, 300).trim().split("\n");
  edit(lines);
  const csv = `${lines.join("\n")}\n`;
  writeFileSync(join(root, "data/churn-eval.csv"), csv);
  const yaml = join(root, "data/churn-eval.yaml");
  writeFileSync(
    yaml,
    readFileSync(yaml, "utf8")
      .replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256Bytes(csv)}`)
      .replace(/rows: \d+/, `rows: ${rows}`),
  );
  return root;
}

async function run(root: string, ...args: string[]) {
  const io = bufferIo(root);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

async function both(root: string) {
  const validate = await run(root, "validate");
  const evaluate = await run(root, "evaluate", "churn", "--baseline", "none", "--resamples", "0");
  return { validate, evaluate };
}

test('a cell `249.40"x` in a float feature: "not of type float" in validate, the same row and line in evaluate, exit 1 both', async () => {
  const root = repoWith((l) => {
    l[2] = l[2].replace(/^(\d+),(\d+),([\d.]+),/, '$1,$2,249.40"x,');
  });
  const { validate, evaluate } = await both(root);
  assert.equal(validate.code, 1, validate.out);
  assert.match(
    validate.out,
    /data\/churn-eval\.csv: 1 row \(first: row 2, line 3; e\.g\. "249\.40\\"x"\) not of type float/,
  );
  assert.equal(evaluate.code, 1, evaluate.err);
  assert.match(
    evaluate.err,
    /data\/churn-eval\.csv:3: row 2: feature "spend" is not a finite number \("249\.40\\"x"\)/,
  );
});

test("±Infinity in a feature is refused like NaN, with the same message and policy", async () => {
  const root = repoWith((l) => {
    l[4] = l[4].replace(/^(\d+),(\d+),([\d.]+),/, "$1,$2,inf,");
  });
  const { validate, evaluate } = await both(root);
  assert.equal(validate.code, 1);
  assert.match(validate.out, /1 row \(first: row 4, line 5; e\.g\. "Infinity"\) not of type float/);
  assert.equal(evaluate.code, 1);
  assert.match(
    evaluate.err,
    /data\/churn-eval\.csv:5: row 4: feature "spend" is not a finite number \(Infinity\); fix the data, or set spec\.evaluation\.nanPolicy: count/,
  );

  // nanPolicy: count skips and counts such rows, infinite and empty alike
  const nan = repoWith((l) => {
    l[4] = l[4].replace(/^(\d+),(\d+),([\d.]+),/, "$1,$2,-Infinity,");
    l[6] = l[6].replace(/^(\d+),(\d+),([\d.]+),/, "$1,$2,,");
  });
  const model = join(nan, "models/churn/model.yaml");
  writeFileSync(model, readFileSync(model, "utf8").replace("  evaluation:\n", "  evaluation:\n    nanPolicy: count\n"));
  const counted = await run(nan, "evaluate", "churn", "--baseline", "none", "--resamples", "0", "--json");
  assert.equal(counted.code, 0, counted.err);
  const rec = JSON.parse(counted.out);
  assert.deepEqual(rec.dataset.skipped, { nan_features: 2 });
  assert.equal(rec.dataset.rows, 298);
});

test("a misspelt column in the file's header: exit 1 in both, with a did-you-mean (and no drift of a missing column)", async () => {
  const root = repoWith((l) => {
    l[0] = l[0].replace("spend", "spnd");
  });
  await run(root, "lock", "churn"); // the training data gets the profile that drift is checked against
  const { validate, evaluate } = await both(root);
  assert.equal(validate.code, 1);
  assert.match(validate.out, /data\/churn-eval\.csv has no column "spend"; did you mean "spnd"\?/);
  assert.match(validate.out, /drift in "tenure"|PSI/);
  assert.doesNotMatch(validate.out, /drift in "spend"/);
  assert.equal(evaluate.code, 1);
  assert.match(evaluate.err, /data\/churn-eval\.csv:1: there is no column "spend"; did you mean "spnd"\?/);
});

test("a ragged row: the same message, naming file, line and row, exit 1 in validate, lock and evaluate", async () => {
  const root = repoWith((l) => {
    l[7] += ",extra";
  });
  const message = /data\/churn-eval\.csv:8: row 7: 6 fields where the header has 5/;
  const { validate, evaluate } = await both(root);
  assert.equal(validate.code, 1);
  assert.match(validate.out, message);
  assert.equal(evaluate.code, 1);
  assert.match(evaluate.err, message);
  const lock = await run(root, "lock");
  assert.equal(lock.code, 1, lock.err);
  assert.match(lock.err, message);
});
