import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  annotationCommands,
  openWorkspaceLazily
} from "./chunk-MLTBKGZZ.js";
import {
  formatFindings
} from "./chunk-MBUOXZPG.js";
import {
  validateRepository
} from "./chunk-IAAAA5OQ.js";
import {
  inGitHubActions
} from "./chunk-KQ33QBFR.js";
import {
  parseArgs
} from "./chunk-2BWFZXJO.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import {
  EXIT_FAILED,
  EXIT_OK
} from "./chunk-VPZGVLTG.js";

// src/validate/jit.ts
import { setFlagsFromString } from "node:v8";
var MEASURED_V8 = "11.3.";
var V8_DEFAULT_BUDGET = 67584;
var SHORT_RUN_BUDGET = 524288;
function ownBudget() {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some(
    (a) => /^--interrupt[-_]budget(=|$)/.test(a)
  );
}
async function withShortRunTiering(fn) {
  if (!process.versions.v8.startsWith(MEASURED_V8) || ownBudget()) return fn();
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_BUDGET}`);
  try {
    return await fn();
  } finally {
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_BUDGET}`);
  }
}

// src/commands/validate.ts
var command = {
  name: "validate",
  summary: "check manifests, references, digests, data, leakage and drift",
  usage: `Usage: modelgate validate [PATH\u2026] [--json] [--skip-data]

Validates the model repository that holds the working folder (found from it upwards by modelgate.yaml):
  1. every manifest against its schema (errors name file:line:col; unknown keys suggest the near miss)
  2. cross-references: datasets, columns, slices, gate metrics; paths stay inside the repository
  3. sha256 digests and sizes of model artifacts and data files, and the ONNX signature; a remote file (s3://,
     https://, a DVC output) must be pinned, and is checked through the cache (with --skip-data, by S3's SHA-256
     checksum when it has one, without downloading); the output says which files were downloaded
  4. versions: a model whose artifact changed since the base branch (the merge base with GITHUB_BASE_REF in a pull
     request, else the default branch) while its spec.version did not is an error: a published version is immutable
  5. data against each Dataset's columns: presence, types, nulls, ranges (min/max are errors, a value outside
     expected is a warning), allowed values, uniqueness, row count; the label fits the model's task, and its values
     map to the model's probability columns as evaluate will read them (the graph's classes, spec.label.classes,
     spec.label.labels); data files are read as evaluate reads them (\`modelgate evaluate --help\`, "Data files"),
     a file that cannot be read being a data problem at its file and line
  6. leakage: rows shared between a model's training and evaluation datasets
  7. drift: PSI per feature between the training data's profile and the evaluation data

PATH\u2026 limits the check to manifests under these files or folders (and the datasets their models use).

Options:
  --json        machine-readable result on stdout
  --skip-data   check manifests, references and digests only; do not read data rows
  -h, --help    this text

Inside GitHub Actions, findings are also written as ::error/::warning annotations on the manifest lines.
Exit codes: 0 no errors (warnings allowed), 1 problems found, 2 usage error or no model repository,
70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("validate", args, { "skip-data": { type: "boolean" } });
    const result = await withShortRunTiering(async () => {
      const ws = await openWorkspaceLazily(io);
      return validateRepository(io.cwd, {
        repo: ws.repo,
        paths: positionals,
        skipData: Boolean(values["skip-data"]),
        env: ws.env,
        onProgress: values.json ? void 0 : (m) => io.err(`${m}
`),
        versions: { git: ws.git, env: ws.env }
      });
    });
    const errors = result.findings.filter((f) => f.severity === "error").length;
    if (values.json) io.out(toJson({ ok: errors === 0, ...result }));
    else io.out(formatFindings(result));
    if (inGitHubActions(io.env))
      io.command(annotationCommands(result.findings, result.root, io.env, "modelgate validate"));
    return errors === 0 ? EXIT_OK : EXIT_FAILED;
  }
};

export {
  command
};
