/**
 * validate's start (issue #25): the command and its action import neither zod nor yaml nor the manifest schemas
 * statically — a valid manifest in the plain style is read by the fast reader and checked by the generated check
 * (src/manifest/plain.ts), and yaml and zod are imported only when a manifest or a finding's line needs them.
 * Read from the sources' import lines, as test/library/layers.unit.test.ts reads them.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { test } from "node:test";

const SRC = resolve(import.meta.dirname, "../../src");

/** What a source file imports for its values (not `import type`, not only `type` names), resolved to files. */
function valueImports(abs: string): string[] {
  const text = readFileSync(abs, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(?!type\s)([^;]*?)\s*from\s+"([^"]+)"/g)) {
    const names = /\{([^}]*)\}/.exec(m[2])?.[1];
    const typesOnly =
      names !== undefined &&
      !m[2].replace(/\{[^}]*\}/, "").match(/[A-Za-z_$*]/) &&
      names
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith("type "));
    if (typesOnly) continue;
    out.push(m[3].startsWith(".") ? resolve(dirname(abs), m[3]) : m[3]);
  }
  return out;
}

/** The files and packages `entry` reaches through static value imports. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(SRC, entry)];
  while (stack.length > 0) {
    const f = stack.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    if (f.endsWith(".ts")) stack.push(...valueImports(f));
  }
  return new Set([...seen].map((f) => (f.startsWith("/") ? relative(SRC, f).split("\\").join("/") : f)));
}

for (const entry of ["commands/validate.ts", "actions/validate.ts"]) {
  test(`${entry} reaches neither zod, nor yaml, nor the manifest schemas through its static imports`, () => {
    const reached = staticClosure(entry);
    for (const heavy of ["zod", "yaml", "manifest/schema.ts", "manifest/yaml.ts", "manifest/repo.ts"])
      assert.ok(!reached.has(heavy), `${entry} imports ${heavy} (through one of ${reached.size} files)`);
    // and the reader of the imports sees them: validate's own modules, the manifests' plain reader
    for (const file of ["validate/validate.ts", "manifest/plain.ts", "manifest/schema-check.ts"])
      assert.ok(reached.has(file), `${file} not among ${[...reached].join(" ")}`);
  });
}

test("validate opens its workspace through workspace/lazy.ts, whose shape (workspace/base.ts) brings no manifest reader", () => {
  const reached = staticClosure("commands/validate.ts");
  for (const file of ["workspace/lazy.ts", "workspace/base.ts"])
    assert.ok(reached.has(file), `${file} not among ${[...reached].join(" ")}`);
  const base = staticClosure("workspace/base.ts");
  for (const heavy of ["yaml", "zod", "manifest/yaml.ts", "manifest/repo.ts", "manifest/loaded.ts"])
    assert.ok(!base.has(heavy), `workspace/base.ts imports ${heavy}`);
});
