/** `modelgate monitor`'s flags (issue #23): `--logs PATH…` and `--labels PATH…` take every path up to the next flag. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { spreadLists } from "../../src/commands/monitor.ts";

test("--logs a b c and --labels x y are each flag repeated per path; other flags keep their one value", () => {
  assert.deepEqual(
    spreadLists(
      ["fraud", "--logs", "a.jsonl", "b.jsonl", "--since", "2026-05-01", "--labels", "x.csv", "y.csv", "--json"],
      ["logs", "labels"],
    ),
    [
      "fraud",
      "--logs",
      "a.jsonl",
      "--logs",
      "b.jsonl",
      "--since",
      "2026-05-01",
      "--labels",
      "x.csv",
      "--labels",
      "y.csv",
      "--json",
    ],
  );
  assert.deepEqual(spreadLists(["--logs=a", "b"], ["logs"]), ["--logs=a", "b"], "a value given with = is one path");
  assert.deepEqual(spreadLists(["m", "--logs", "a", "--dry-run"], ["logs"]), ["m", "--logs", "a", "--dry-run"]);
});
