/**
 * validate's start (issue #25): the command and its action import neither zod nor yaml nor the manifest schemas
 * statically — a valid manifest in the plain style is read by the fast reader and checked by the generated check
 * (src/manifest/plain.ts), and yaml and zod are imported only when a manifest or a finding's line needs them.
 * Read from the sources' import lines (../support/static-imports.ts).
 */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { staticClosure } from "../support/static-imports.ts";

const SRC = resolve(import.meta.dirname, "../../src");

const closure = (entry: string) => staticClosure(SRC, entry);

for (const entry of ["commands/validate.ts", "actions/validate.ts"]) {
  test(`${entry} reaches neither zod, nor yaml, nor the manifest schemas through its static imports`, () => {
    const reached = closure(entry);
    for (const heavy of ["zod", "yaml", "manifest/schema.ts", "manifest/yaml.ts", "manifest/repo.ts"])
      assert.ok(!reached.has(heavy), `${entry} imports ${heavy} (through one of ${reached.size} files)`);
    // and the reader of the imports sees them: validate's own modules, the manifests' plain reader
    for (const file of ["validate/validate.ts", "manifest/plain.ts", "manifest/schema-check.ts"])
      assert.ok(reached.has(file), `${file} not among ${[...reached].join(" ")}`);
  });
}

test("validate opens its workspace through workspace/lazy.ts, whose shape (workspace/base.ts) brings no manifest reader", () => {
  const reached = closure("commands/validate.ts");
  for (const file of ["workspace/lazy.ts", "workspace/base.ts"])
    assert.ok(reached.has(file), `${file} not among ${[...reached].join(" ")}`);
  const base = closure("workspace/base.ts");
  for (const heavy of ["yaml", "zod", "manifest/yaml.ts", "manifest/repo.ts", "manifest/loaded.ts"])
    assert.ok(!base.has(heavy), `workspace/base.ts imports ${heavy}`);
});
