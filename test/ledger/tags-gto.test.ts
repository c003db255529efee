import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { parseTag } from "../../src/ledger/tags.ts";
import { asGto, GRAMMAR_PY, type GtoParsed, tagCorpus } from "./gto.ts";

/**
 * modelgate's tag parser against GTO's own parse_name, run by Python itself on the verbatim copy of GTO's source
 * (test/fixtures/gto/gto_tag_grammar.py): Python's `\d` takes any Unicode decimal digit, which the pure test cannot
 * check. The corpus holds only names git accepts as tags (`git check-ref-format`), since no other can be a tag.
 */

const PY = `
import json, sys
exec(open(sys.argv[1], encoding="utf-8").read())
out = []
for tag in json.load(sys.stdin):
    p = parse_name(tag, raise_on_fail=False)
    if "action" in p:
        p["action"] = p["action"].value
    out.append(p)
json.dump(out, sys.stdout)
`;

function gtoParseAll(tags: string[]): GtoParsed[] {
  const r = spawnSync("python3", ["-c", PY, GRAMMAR_PY], { input: JSON.stringify(tags), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The names `git check-ref-format` accepts as tags (one shell runs git for each). */
function gitTagNames(names: string[]): string[] {
  const r = spawnSync(
    "sh",
    ["-c", 'for n in "$@"; do git check-ref-format "refs/tags/$n" && printf "%s\\0" "$n"; done', "sh", ...names],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split("\0").slice(0, -1);
}

test("GTO's parse_name (run by Python on its own source) and modelgate's parseTag read every tag alike", () => {
  const unicode = ["nn@v1.0.1\u0663", "nn@v\u0661.0.0", "nn@v1.0.0-\u0663a", "nn#prod#\u0661", "nn@v1.0.0+\u0663"];
  const candidates = [...tagCorpus({ seed: 2126, mutations: 1500, random: 300 }), ...unicode];
  const names = gitTagNames(candidates.filter((n) => !/[\s~^:?*[\\\x00-\x1f\x7f]/.test(n)));
  assert.ok(names.length > 2000, `${names.length} tag names`);
  for (const u of unicode.slice(0, 4)) assert.ok(names.includes(u), u);
  const gto = gtoParseAll(names);
  const differ = names.flatMap((t, i) => {
    const ours = asGto(parseTag(t));
    return JSON.stringify(ours) === JSON.stringify(gto[i])
      ? []
      : [`${t}: GTO ${JSON.stringify(gto[i])}, modelgate ${JSON.stringify(ours)}`];
  });
  assert.deepEqual(differ.slice(0, 10), []);
  // Python's \\d reads these digits, and so does modelgate
  assert.deepEqual(gto[names.indexOf("nn@v1.0.1\u0663")], { name: "nn", version: "v1.0.1\u0663", action: "register" });
  const read = gto.filter((p) => p.name !== undefined).length;
  assert.ok(read > 500 && names.length - read > 500, `GTO reads ${read} of ${names.length}`);
});
