/** neutraliseCommands, read back with the runner's own command parsing. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeCommandData, neutraliseCommands } from "../../src/util/workflow-commands.ts";
import { runnerCommands } from "../support/runner-commands.ts";

const HOSTILE = "x\n::warning title=INJECTED::…\n::set-output name=verdict::pass\n  ::add-mask::x\n##[error]y\n";

test("untrusted lines are shown and never run; the runner takes commands again after them", () => {
  const log = `::group::before\n${neutraliseCommands(HOSTILE)}::endgroup::\n`;
  assert.ok(log.includes("::set-output name=verdict::pass"), "shown as text");
  assert.deepEqual(
    runnerCommands(log).map((c) => c.name),
    ["group", "endgroup"],
  );
  // a line broken off mid-way ends the wrapper on its own line, so the resume token is read
  assert.deepEqual(
    runnerCommands(`${neutraliseCommands("::warning::no line break")}::notice::after\n`).map((c) => c.name),
    ["notice"],
  );
  // without the wrapper the runner runs them: the check above is not vacuous
  assert.deepEqual(
    runnerCommands(HOSTILE).map((c) => c.name),
    ["warning", "set-output", "add-mask", "error"],
  );
});

test("plain text is left as it is; JSON keeps its value and loses its commands", () => {
  assert.equal(neutraliseCommands("roc_auc 0.91 ≥ 0.9\n"), "roc_auc 0.91 ≥ 0.9\n");
  const value = { name: HOSTILE, url: "https://example.com/a::b", n: 1 };
  const json = `${JSON.stringify(value, null, 2)}\n`;
  const out = neutraliseCommands(json);
  assert.deepEqual(JSON.parse(out), value);
  assert.deepEqual(runnerCommands(out), []);
});

test("values inside modelgate's own commands are escaped as @actions/core escapes them", () => {
  const log = `::error title=t::${escapeCommandData(HOSTILE)}\n`;
  const ran = runnerCommands(log);
  assert.deepEqual(
    ran.map((c) => [c.name, c.data]),
    [["error", HOSTILE]],
  );
});
