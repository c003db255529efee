import { createRequire } from 'node:module';
import { t as trainModel, T as TrainingFailed } from './chunk-RKHCHKKT-CuWh8JyS.js';
import { g as parseArgs, n as num, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/commands/train.ts
var command = {
  name: "train",
  summary: "run a model's training command and verify the ONNX file it writes",
  usage: `Usage: modelgate train [MODEL] [--reproduce] [--timeout MINUTES] [--json]

Runs the Model manifest's spec.training.command in spec.training.workdir (relative to the manifest's folder), then
checks what it wrote: the ONNX file exists, onnxruntime loads it, it matches spec.signature and the feature mapping,
and it runs. Writes a training record to .modelgate/training/MODEL.json (git commit and whether the tree was dirty,
params, input data digests, command, tool versions, duration, exit code, output digest) and the command's output,
secrets masked, to .modelgate/training/MODEL.log. MODEL may be left out when the repository has one model.

The command is an argv list, run without a shell unless spec.training.shell is true; \`node\` runs the Node.js that
runs modelgate. It receives:
  {params}          in argv: the path of a JSON file holding spec.training.params   (also $MODELGATE_PARAMS)
  {output}          in argv: where to write the ONNX file (spec.training.output,    (also $MODELGATE_OUTPUT)
                    else the artifact path)
  {data:NAME}       in argv: the path of dataset NAME of spec.training.datasets     (also $MODELGATE_DATA_NAME,
                                                                                    upper case, '-' as '_')
  $MODELGATE_MODEL, $MODELGATE_MODEL_VERSION
  $PYTHONUNBUFFERED=1 so that Python's output reaches the log as it is printed (unless spec.training.env lists
                    PYTHONUNBUFFERED: then it passes through from modelgate's environment like the others)
and only these environment variables: PATH, HOME, USER, LANG, LC_ALL, LC_CTYPE, TMPDIR, TZ, TEMP, TMP, and those
named in spec.training.env. Values of variables whose names contain TOKEN, SECRET, PASSW, KEY, CREDENTIAL or
PRIVATE (4 characters or longer) are shown as *** in the output and the log.

The data files must match their manifests' sha256. The previous model file is restored when training fails.

Options:
  --reproduce        train twice and fail unless both runs write byte-identical models
  --timeout MINUTES  stop the command after this long (default: spec.training.timeoutMinutes, else 60; at most
                     35,791, the longest timer Node.js can set)
  --json             print the training record as JSON on stdout (the command's output still goes to stderr)
  -h, --help         this text

Exit codes: 0 trained and verified; 1 the command failed, timed out, wrote nothing, wrote a model that does not match
the manifest, or (--reproduce) two runs differ, or a data file differs from its manifest; 2 usage or configuration
error; 70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("train", args, {
      reproduce: { type: "boolean" },
      timeout: { type: "string" }
    });
    if (positionals.length > 1) throw new UserError("train takes one MODEL; run it once per model");
    const timeoutMinutes = num("timeout", values.timeout);
    const ws = openWorkspace(io);
    let name = positionals[0];
    if (!name) {
      const names = ws.repo.models.map((m) => m.value.metadata.name);
      if (names.length !== 1) {
        throw new UserError(
          `name the model to train: modelgate train MODEL${names.length ? ` (models: ${names.join(", ")})` : " (this repository has no valid model manifest)"}`
        );
      }
      name = names[0];
    }
    try {
      const r = await trainModel(ws, name, { reproduce: Boolean(values.reproduce), timeoutMinutes });
      const rec = r.record;
      if (values.json) io.out(toJson(rec));
      else {
        const o = rec.output;
        io.out(
          `trained ${rec.model.name} ${rec.model.version} in ${rec.durationSeconds.toFixed(1)} s: ${o.artifact} sha256:${o.sha256}${o.signatureChecked ? " (signature matches the manifest)" : " (loads and runs; no spec.signature to match)"}
`
        );
        if (rec.reproduce) io.out(`reproducible: both runs wrote sha256:${rec.reproduce.digests[0]}
`);
        io.out(`record: ${r.recordPath}
log: ${r.logPath}
`);
      }
      for (const n of r.notes) io.err(`note: ${n}
`);
      return 0;
    } catch (err) {
      if (err instanceof TrainingFailed && values.json) io.out(toJson(err.result.record));
      throw err;
    }
  }
};

export { command as c };
