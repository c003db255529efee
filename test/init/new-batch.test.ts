import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { rng } from "../support/fixture-repo.ts";

/**
 * Issue #22 item 5: init wrote the sample's exact ranges as hard bounds, so the first new batch of the same kind of
 * data failed validate. A batch of payments: a long-tailed amount, a count, a signed balance, a 0/1 flag, a channel.
 */
function payments(seed: number, rows: number, edit?: (row: string[], i: number) => void): string {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const lines = ["amount,items,balance,is_new,channel,fraud"];
  for (let i = 0; i < rows; i++) {
    const row = [
      (Math.exp(3 + normal()) / 1).toFixed(2),
      String(Math.floor(-Math.log(1 - r()) * 3)),
      (normal() * 500).toFixed(2),
      r() < 0.2 ? "1" : "0",
      ["web", "app", "store"][Math.floor(r() * 3)],
      r() < 0.1 ? "1" : "0",
    ];
    edit?.(row, i);
    lines.push(row.join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function run(cwd: string, args: string[]) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** A repository made by init from the first batch; returns it and a function that puts another batch in its place. */
async function initFromBatch() {
  const inputs = mkdtempSync(join(tmpdir(), "mg-batch-in-"));
  writeFileSync(join(inputs, "payments.csv"), payments(1, 300));
  const repo = mkdtempSync(join(tmpdir(), "mg-batch-repo-"));
  const init = await run(repo, ["init", "--data", join(inputs, "payments.csv"), "--yes"]);
  assert.equal(init.code, 0, init.stdout + init.stderr);
  const replace = async (csv: string) => {
    writeFileSync(join(inputs, "next.csv"), csv);
    copyFileSync(join(inputs, "next.csv"), join(repo, "data", "payments.csv"));
    const lock = await run(repo, ["lock"]);
    assert.equal(lock.code, 0, lock.stdout + lock.stderr);
    return run(repo, ["validate"]);
  };
  return { repo, replace };
}

test("init: hard bounds only from the data's meaning (no negatives, 0/1 flags, known categories); the range is expected, with headroom", async () => {
  const { repo } = await initFromBatch();
  const text = readFileSync(join(repo, "data", "payments.yaml"), "utf8");
  const columns = Object.fromEntries(parse(text).spec.columns.map((c: any) => [c.name, c]));
  const first = payments(1, 300)
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const amounts = first.map((row) => Number(row[0]));
  const balances = first.map((row) => Number(row[2]));
  // amount: never negative, so min 0 is a hard bound; its largest value is not, but lies well inside `expected`
  assert.equal(columns.amount.min, 0);
  assert.equal(columns.amount.max, undefined);
  assert.equal(columns.amount.expected.min, undefined, "min: 0 says it");
  assert.ok(columns.amount.expected.max > Math.max(...amounts) * 1.5, JSON.stringify(columns.amount));
  assert.deepEqual([columns.items.min, columns.items.max], [0, undefined]);
  // balance can be negative: no hard bound at all, an expected range beyond both extremes
  assert.deepEqual([columns.balance.min, columns.balance.max], [undefined, undefined]);
  assert.ok(columns.balance.expected.min < Math.min(...balances));
  assert.ok(columns.balance.expected.max > Math.max(...balances));
  assert.deepEqual([columns.is_new.min, columns.is_new.max, columns.is_new.expected], [0, 1, undefined]);
  assert.deepEqual(columns.channel.values, ["app", "store", "web"]);
  assert.match(
    text,
    /`expected` is the file's range\n# with headroom, and a value outside it is a warning, not an error/,
  );
});

test("a new batch of the same kind of data passes validate; a negative amount or an unknown channel still fails", async () => {
  const { replace } = await initFromBatch();
  const next = await replace(payments(2, 300));
  assert.equal(next.code, 0, next.stdout);
  assert.doesNotMatch(next.stdout, /above max|below min/);

  const negative = await replace(
    payments(3, 300, (row, i) => {
      if (i === 7) row[0] = "-12.50";
    }),
  );
  assert.equal(negative.code, 1, negative.stdout);
  assert.match(
    negative.stdout,
    /column "amount": data\/payments\.csv: 1 row \(first: row 8, line 9; e\.g\. "-12\.5"\) below min 0/,
  );

  const channel = await replace(
    payments(4, 300, (row, i) => {
      if (i === 3) row[4] = "phone";
    }),
  );
  assert.equal(channel.code, 1, channel.stdout);
  assert.match(channel.stdout, /"phone"\) not among the allowed values \[app, store, web\]/);
});
