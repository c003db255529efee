import type { Command } from "../../commands/command.ts";
import { runDemo } from "./demo.ts";
import { parseArgs, str } from "../../util/args.ts";
import { toJson } from "../../util/fs.ts";
import type { Io } from "../../util/io.ts";

export const command: Command = {
  name: "demo",
  summary: "run the whole lifecycle offline on the bundled fraud-detection example",
  usage: `Usage: modelgate demo [--out DIR] [--json]

Copies examples/fraud-detection into a fresh git repository (with a bare repository as its remote) and runs the real
commands on it, as a model author, a reviewer and CI would: validate the 1.0.0 baseline in production; propose 1.1.0
on a branch, train, lock, validate, evaluate against production, report (passes); approve it from bob's review (the
reviews GitHub's API would return, written to reviews/); merge and package the image; propose 1.2.0, which is better
on average but worse for one region, so its report fails the region slice gate, as it should.
Prints one line per step and the folder to open. Needs git and no network.

Options:
  --out DIR   where to put it (must be new or empty; default: a new temporary folder)
  --json      print the steps' results as JSON after the account
  -h, --help  this text

Exit codes: 0 every step ended as expected, 1 a step did not, 2 usage error,
70 internal error (a bug in modelgate; please report it).
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values } = parseArgs("demo", args, { out: { type: "string" } }, false);
    const r = await runDemo(io, str(values.out));
    if (values.json)
      io.out(toJson({ ok: r.ok, out: r.out, seconds: r.seconds, steps: r.results.map(({ output: _o, ...s }) => s) }));
    return r.ok ? 0 : 1;
  },
};
