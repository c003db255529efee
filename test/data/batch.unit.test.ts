/** The pieces every data reader shares (src/data/batch.ts): pure, no file is read. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  batchRows,
  cellToNumber,
  cellToString,
  DataError,
  type NotNumbers,
  parseNumberText,
  putNumber,
  rowPlace,
  selectColumns,
} from "../../src/data/batch.ts";

test("batchRows keeps a batch under 4Mi cells, and at least one row", () => {
  assert.equal(batchRows(8192, 30), 8192);
  assert.equal(batchRows(8192, 50_000), 83);
  assert.equal(batchRows(8192, 10_000_000), 1);
  assert.equal(batchRows(8192, 0), 8192);
});

test("selectColumns maps wanted names to indexes, the first of duplicates, and names a missing one with a near miss", () => {
  assert.deepEqual(selectColumns(["a", "b", "a"], ["a", "b"], "f.csv"), [0, 1]);
  assert.deepEqual(selectColumns(["a", "b"], undefined, "f.csv"), [0, 1]);
  assert.throws(
    () => selectColumns(["amount", "age"], ["amout"], "f.csv", 1),
    (e: unknown) =>
      e instanceof DataError &&
      e.line === 1 &&
      /^f\.csv:1: there is no column "amout"; did you mean "amount"\?/.test(e.message),
  );
});

test("one rule for numbers: decimals, infinities, empty as missing, nan, and text that is not a number", () => {
  assert.equal(parseNumberText(" 1e-7 "), 1e-7);
  assert.equal(parseNumberText(".5"), 0.5);
  assert.equal(parseNumberText("-Infinity"), -Infinity);
  assert.equal(parseNumberText(""), null);
  assert.ok(Number.isNaN(parseNumberText("NaN")));
  assert.equal(parseNumberText("12kg"), undefined);
  assert.equal(parseNumberText("0x10"), undefined);
  assert.equal(cellToNumber(true), 1);
  assert.equal(cellToNumber(10n), 10);
  assert.ok(Number.isNaN(cellToNumber("abc") as number));
  assert.equal(cellToString(new Date(0)), "1970-01-01T00:00:00.000Z");
  assert.equal(cellToString({ a: 1n }), '{"a":"1"}');
});

test("putNumber lists a cell that is not a number with its text, and takes nan and null as missing", () => {
  const out = new Float64Array(4);
  const bad: NotNumbers = { rows: [], texts: [] };
  putNumber(2.5, out, 0, bad);
  putNumber("nan", out, 1, bad);
  putNumber(null, out, 2, bad);
  putNumber("12kg", out, 3, bad);
  assert.equal(out[0], 2.5);
  assert.ok(Number.isNaN(out[1]) && Number.isNaN(out[2]) && Number.isNaN(out[3]));
  assert.deepEqual(bad, { rows: [3], texts: ["12kg"] });
});

test("rowPlace gives the 1-based data row and the line a row starts on", () => {
  const b = { columns: [], length: 2, data: [], offset: 10, lines: Int32Array.from([12, 14]) };
  assert.deepEqual(rowPlace(b, 1), { line: 14, row: 12 });
  assert.deepEqual(rowPlace({ ...b, lines: undefined }, 0), { line: undefined, row: 11 });
});
