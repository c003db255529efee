import assert from "node:assert/strict";
import { test } from "node:test";
import type { Model } from "../../src/manifest/schema.ts";
import { uncommittedNote } from "../../src/workspace/uncommitted.ts";

const model = { metadata: { name: "churn" }, spec: { version: "1.1.0" } } as Model;

test("uncommittedNote: none when everything is committed; file names quoted for the shell where they must be", () => {
  assert.equal(uncommittedNote(model, [], "this report"), undefined);
  assert.equal(
    uncommittedNote(model, ["models/churn/model.yaml", "data/eval set's rows.csv"], "the evaluation record"),
    "churn: models/churn/model.yaml, data/eval set's rows.csv are not committed, so the evaluation record describes files that a pull request does not hold yet; next: `git add models/churn/model.yaml 'data/eval set'\\''s rows.csv' && git commit -m \"churn 1.1.0\" && git push`, then open a pull request (its run evaluates what is pushed)",
  );
});
