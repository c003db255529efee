import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";

const actionDirs = readdirSync("actions").filter((d) => existsSync(join("actions", d, "action.yml")));

test("every command action documents its inputs and outputs and points at a built entry", () => {
  assert.ok(actionDirs.length > 0);
  for (const dir of actionDirs) {
    const file = join("actions", dir, "action.yml");
    const meta = parse(readFileSync(file, "utf8"));
    assert.ok(meta.name && meta.description, `${file}: name and description`);
    for (const [k, v] of Object.entries<any>(meta.inputs ?? {}))
      assert.ok(v.description, `${file}: input ${k} has no description`);
    for (const [k, v] of Object.entries<any>(meta.outputs ?? {}))
      assert.ok(v.description, `${file}: output ${k} has no description`);
    if (meta.runs.using === "composite") {
      for (const step of meta.runs.steps) {
        if (step.run)
          assert.doesNotMatch(
            step.run,
            /\$\{\{\s*(inputs|github\.event)\./,
            `${file}: interpolates an expression into a shell line; pass it through env:`,
          );
      }
    } else {
      assert.equal(meta.runs.using, "node24", `${file}: runs.using`);
      const main = resolve("actions", dir, meta.runs.main);
      assert.ok(existsSync(main), `${file}: ${meta.runs.main} is not built`);
    }
  }
});
