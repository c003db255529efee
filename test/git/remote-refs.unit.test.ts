import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRemoteRefs } from "../../src/git/remote-refs.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const T = "c".repeat(40);
const P = "d".repeat(40);

test("one `git ls-remote --symref` answers the default branch, the branches and the tags (peeled when annotated)", () => {
  const out = [
    "ref: refs/heads/trunk\tHEAD",
    `${A}\tHEAD`,
    `${A}\trefs/heads/trunk`,
    `${B}\trefs/heads/feature/x`,
    `${T}\trefs/tags/m#staging#1`,
    `${P}\trefs/tags/m#staging#1^{}`,
    `${B}\trefs/tags/light`,
    "",
  ].join("\n");
  const refs = parseRemoteRefs(out);
  assert.equal(refs.head, "trunk");
  assert.deepEqual(
    [...refs.heads],
    [
      ["trunk", A],
      ["feature/x", B],
    ],
  );
  assert.deepEqual(refs.tags.get("m#staging#1"), { name: "m#staging#1", oid: T, annotated: true, commit: P });
  assert.deepEqual(refs.tags.get("light"), { name: "light", oid: B, annotated: false, commit: B });
  assert.equal(refs.tags.size, 2);
});

test("a remote that names no HEAD (an empty repository) has no default branch and no branches", () => {
  const refs = parseRemoteRefs("");
  assert.equal(refs.head, undefined);
  assert.equal(refs.heads.size, 0);
  assert.equal(refs.tags.size, 0);
});
