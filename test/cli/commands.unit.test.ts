import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { commands } from "../../src/cli/commands.ts";

// `modelgate --help` reads the summaries from the CLI's table, so that it loads no command: each must stay the
// command's own.
test("the CLI's table of commands has each command's own name and summary", async () => {
  for (const [name, entry] of Object.entries(commands)) {
    const command = await entry.load();
    assert.equal(command.name, name, `the table's "${name}" loads the command "${command.name}"`);
    assert.equal(entry.summary, command.summary, `src/cli/commands.ts: the summary of "${name}"`);
  }
});

test("every module under src/commands/ exporting a command is in the table", async () => {
  const names = new Set(Object.keys(commands));
  for (const file of readdirSync(new URL("../../src/commands/", import.meta.url))) {
    const m = await import(`../../src/commands/${file}`);
    if (m.command)
      assert.ok(names.has(m.command.name), `src/commands/${file}: "${m.command.name}" is not in src/cli/commands.ts`);
  }
});
