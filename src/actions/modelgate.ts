// The root action (the Marketplace face): `command:` runs any modelgate command with `args:`.
import * as core from "@actions/core";
import { main } from "../cli/main.ts";
import { splitWords } from "../util/words.ts";
import { actionIo, runAction } from "./_runtime.ts";

await runAction("action", async () => {
  const command = core.getInput("command", { required: true }).trim();
  const args = splitWords(core.getInput("args"));
  const io = actionIo();
  const code = await main([command, ...args], io);
  core.setOutput("exit-code", code);
  return code;
});
