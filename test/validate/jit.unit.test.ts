/** validate's JIT budget for a short run (src/validate/jit.ts): the command's result and errors pass through. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { withShortRunTiering } from "../../src/validate/jit.ts";

test("the run's value and its error come through the budget change, and a later run still works", async () => {
  assert.equal(await withShortRunTiering(async () => 42), 42);
  await assert.rejects(
    withShortRunTiering(async () => {
      throw new Error("no repository");
    }),
    /no repository/,
  );
  assert.deepEqual(await withShortRunTiering(async () => [1, 2].map((x) => x * 2)), [2, 4]);
});
