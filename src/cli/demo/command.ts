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
commands on it, as a model author, a reviewer, a release manager and CI would, with no network; every publish and
release is signed with a key the demo generates (its public key and the trust policy are listed):
  set up          1.0.0 goes the whole way: evaluated, approved, merged, published, tagged, released to production;
                  then validate checks it on main
  1.1.0           proposed on a branch; train, lock, commit, validate, evaluate against production, report (passes);
                  approve from bob's review (the reviews GitHub's API would return, written to reviews/); merge;
                  publish to staging (the image, the overlay, the promotion record); tag fraud-detector@v1.1.0;
                  release to production (a required reviewer's approval, from the facts a release run would read)
  roll back       release 1.0.0 again: production runs 1.0.0
  production      a week of the drifted month (May) served by 1.0.0, logged as KServe CloudEvents
  monitor         twice on that week (exit 1, as intended): without labels, the drift and the CBPE estimate of the
                  specificity drop; with the chargebacks, the drop realized and a retraining branch; each run's
                  record committed to the GitOps branch
  1.2.0           better on average but worse for one region: its report fails the region slice gate, as it should
  audit           the model's timeline from git alone; audit verify --trust checks every record and signature and
                  finds nothing; then, each on a copy (exit 1, as intended): tamper, a hand edit of the production
                  overlay, and forge, a release signed with another key, which audit verify names
Prints one line per step, the warnings its commands gave (each said expected when the example is built to give
it, e.g. the drifted month's drift), the files it made, and the folder to open; every command's full output is in
its logs/ folder. Needs git.

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
