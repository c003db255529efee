import assert from "node:assert/strict";
import { test } from "node:test";
import { splitWords } from "../../src/util/words.ts";

test("splitWords keeps quoted spaces, expands nothing, rejects unclosed quotes", () => {
  assert.deepEqual(splitWords(` fraud-detector  --out "a b/c.json" --x 'it''s' $HOME \\$x "q\\"t"`), [
    "fraud-detector",
    "--out",
    "a b/c.json",
    "--x",
    "its",
    "$HOME",
    "$x",
    'q"t',
  ]);
  assert.deepEqual(splitWords(""), []);
  assert.deepEqual(splitWords(`''`), [""]);
  assert.throws(() => splitWords(`"open`), /unclosed double quote/);
});
