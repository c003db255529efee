import assert from "node:assert/strict";
import { test } from "node:test";
import { digestOf, hashAhead } from "../../src/audit/digests.ts";
import { sha256Of } from "../../src/ledger/canonical.ts";

test("an evaluation record hashed ahead on libuv's threads has the digest hashed on the main thread", async () => {
  const bufs = [Buffer.from('{"kind":"EvaluationRecord"}'), Buffer.alloc(100_000, 7), Buffer.alloc(0)];
  await hashAhead([...bufs, undefined]);
  for (const b of bufs) assert.equal(digestOf(b), sha256Of(b));
  // not hashed ahead: hashed when asked
  const other = Buffer.from("later");
  assert.equal(digestOf(other), sha256Of(other));
});
