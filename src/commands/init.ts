import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { Command } from "./command.ts";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UserError } from "../errors.ts";
import { type Asker, type InitPlan, type InitResult, initRepository, planInit } from "../init/init.ts";
import { parseArgs, str } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { formatFindings } from "../validate/output.ts";

export const command: Command = {
  name: "init",
  summary: "write a model repository from an ONNX file and a data file",
  usage: `Usage: modelgate init [DIR] [--model PATH.onnx --data PATH --label COLUMN] [--task TASK] [options]

Writes a model repository into DIR (default: the current folder) that validates and evaluates as it is:
  modelgate.yaml                 the configuration, its defaults written out with comments
  data/<dataset>.yaml            a Dataset manifest inferred from the data file: columns, types, roles (the label
                                 from --label; ids and slices guessed and marked "# review:"), nullability, allowed
                                 values; min: 0 where no value is negative and 0/1 flags as hard bounds, the file's
                                 range with headroom as \`expected\` (a warning, so a new batch validates); digest,
                                 size, rows and profile as \`modelgate lock\` writes them
  models/<name>/model.yaml       a Model manifest from the ONNX file: its signature, how columns feed its inputs
                                 (one tensor, or one input per column by name), its outputs (ZipMap included), the
                                 task guessed from them, how the label's values map to its classes (from its
                                 graph; asked on a terminal, else a "# TODO:" — never guessed), starter gates, the
                                 model card's fields as prompts
  .gitignore                     modelgate's local image store, scratch files and training logs left out of git
                                 (lines added to a .gitignore that is there; nothing of it changed)
  .github/workflows/             modelgate's workflows: pull request, report, approval, publish, release, audit
The data and model files are copied into data/ and models/<name>/ unless they are inside DIR already. Then it runs
\`modelgate validate\` on the model and lists the lines marked "# review:" (a guess to check) and "# TODO:" (for
you to write). On a terminal it asks for what the options leave open; in scripts, give the options.

Options:
  --model PATH.onnx     the model
  --data PATH           the data it is evaluated on: .csv, .jsonl or .parquet
  --label COLUMN        the column the model predicts
  --task TASK           binary-classification | multiclass-classification | regression (default: guessed
                        from the model's outputs and the label's values)
  --name NAME           the model's name (default: from the ONNX file's name)
  --owner LOGIN         an owner: GitHub login or org/team (repeatable)
  --workflows MODE      copy (default): the ready-to-copy workflows; call: short workflows calling modelgate's
                        reusable ones (OWNER/REPO/.github/workflows/…@REF); none
  --uses OWNER/REPO@REF where modelgate's actions and reusable workflows live, for every \`uses:\` written (and the
                        \`$schema\` links when modelgate is not installed in DIR's node_modules); REF is a tag, a
                        branch or a commit SHA (pin a reviewed commit: OWNER/REPO@<40-hex SHA>). Default: the
                        repository in modelgate's package.json, at v<major> of this version
  --force               overwrite files that exist (default: a manifest in the way stops init, with nothing
                        written; an existing modelgate.yaml or workflow is kept)
  --dry-run             print what would be written, and what a file in the way would stop; write nothing
  --yes                 ask nothing, even on a terminal
  --json                the result as JSON
  -h, --help            this text

Exit codes: 0 written and valid, 1 written but \`validate\` found errors, 2 usage error or a file in the way.
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("init", args, {
      model: { type: "string" },
      data: { type: "string" },
      label: { type: "string" },
      task: { type: "string" },
      name: { type: "string" },
      owner: { type: "string", multiple: true },
      workflows: { type: "string" },
      uses: { type: "string" },
      force: { type: "boolean" },
      "dry-run": { type: "boolean" },
      yes: { type: "boolean" },
    });
    if (positionals.length > 1) throw new UserError(`init takes one folder, got ${positionals.length}`);
    const workflows = str(values.workflows) ?? "copy";
    if (!["copy", "call", "none"].includes(workflows))
      throw new UserError(`--workflows must be copy, call or none, got "${workflows}"`);
    const interactive = !values.yes && !values.json && Boolean(process.stdin.isTTY) && io.isTTY;
    const prompt = interactive ? terminalAsker(process.stdin, process.stderr) : undefined;
    try {
      const options = {
        dir: positionals[0] ?? ".",
        cwd: io.cwd,
        model: str(values.model),
        data: str(values.data),
        label: str(values.label),
        task: str(values.task),
        name: str(values.name),
        owners: values.owner as string[] | undefined,
        workflows: workflows as "copy" | "call" | "none",
        uses: str(values.uses),
        force: Boolean(values.force),
        ask: prompt?.ask,
        onProgress: values.json ? undefined : (m: string) => io.err(`${m}\n`),
      };
      if (values["dry-run"]) {
        const plan = await planInit(options);
        const { writes: _, ...view } = plan;
        io.out(values.json ? toJson(view) : formatInitPlan(plan));
        return plan.inTheWay.length ? EXIT_USAGE : EXIT_OK;
      }
      const result = await initRepository(options);
      io.out(values.json ? toJson(result) : formatInit(result));
      const errors = result.validation?.findings.filter((f) => f.severity === "error").length ?? 0;
      return errors ? EXIT_FAILED : EXIT_OK;
    } finally {
      prompt?.close();
    }
  },
};

/** Questions on a terminal through node:readline; the answer, or the fallback when it is empty. */
export function terminalAsker(input: Readable, output: Writable): { ask: Asker; close: () => void } {
  const rl = createInterface({ input, output, terminal: false });
  return {
    ask: async (question, fallback) => {
      const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ""}: `)).trim();
      return answer || fallback || "";
    },
    close: () => rl.close(),
  };
}

export function formatInitPlan(p: InitPlan): string {
  const out: string[] = [`init (dry run, nothing written): ${p.root}`];
  for (const f of p.files) out.push(`  would be ${f.action.padEnd(9)} ${f.path}`);
  for (const f of p.inTheWay) out.push(`  in the way  ${f} (exists; --force would replace it)`);
  if (p.model) out.push("", `model ${p.model} (${p.task}) evaluated on dataset ${p.dataset}`);
  else if (p.dataset) out.push("", `dataset ${p.dataset}`);
  for (const n of p.notes) out.push(`note: ${n}`);
  return `${out.join("\n")}\n`;
}

export function formatInit(r: InitResult): string {
  const out: string[] = [`init: ${r.root}`];
  for (const f of r.files) out.push(`  ${f.action.padEnd(9)} ${f.path}`);
  if (r.model) out.push("", `model ${r.model} (${r.task}) evaluated on dataset ${r.dataset}`);
  else if (r.dataset) out.push("", `dataset ${r.dataset}`);
  for (const n of r.notes) out.push(`note: ${n}`);
  if (r.validation) {
    out.push("", "modelgate validate:", formatFindings(r.validation).trimEnd());
  }
  if (r.todo.length) {
    out.push("", "Still to do (lines marked in the files):");
    for (const t of r.todo) out.push(`  ${t.file}:${t.line}: ${t.text}`);
  }
  out.push(
    "",
    r.model
      ? `Next: review the marked lines, run \`modelgate evaluate ${r.model} --baseline none\`, then commit and open a pull request.`
      : "Next: `modelgate init --model PATH.onnx --data PATH --label COLUMN` adds a model.",
  );
  return `${out.join("\n")}\n`;
}
