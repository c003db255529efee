import { createRequire } from 'node:module';
import { p as planLock, m as measureForLock, a as applyLock } from './chunk-DOJBJRVX-Dsm5fQDV.js';
import { g as parseArgs, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { s as storageContext } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';

const require$1 = createRequire(import.meta.url);

// src/commands/lock.ts
var command = {
  name: "lock",
  summary: "recompute digests, sizes, row counts and profiles into the manifests",
  usage: `Usage: modelgate lock [MODEL\u2026] [--dry-run] [--json]

Recomputes the fields nobody should edit by hand and writes them into the manifests, keeping comments and layout:
  Dataset: spec.sha256, spec.sizeBytes, spec.rows, spec.profile (bins and value fractions of feature and slice
           columns, the reference for drift checks)
  Model:   spec.artifact.sha256, and spec.signature when it is missing (read from the ONNX file)
A remote file (s3://, https://, a DVC output) is read through the cache and pinned the same way (a remote
artifact gets spec.artifact.sizeBytes too); it is read again only when the store shows it changed.

With MODEL names, only those models and the datasets they use; without, every manifest in the repository.
Running it twice changes nothing the second time. Every file is measured before any manifest is written, and
files are replaced atomically.

Options:
  --dry-run     list what would change, and write nothing
  --json        list the changed files and fields as JSON
  -h, --help    this text

Exit codes: 0 done, 2 usage error, invalid manifests (run \`modelgate validate\`), or missing files,
70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("lock", args, { "dry-run": { type: "boolean" } });
    const dryRun = values["dry-run"] === true;
    const ws = openWorkspace(io);
    const plan = planLock(
      await measureForLock(ws.repo, positionals, values.json ? void 0 : (m) => io.err(`${m}
`), storageContext(ws))
    );
    const changes = dryRun ? plan.writes.map(({ file, fields }) => ({ file, fields })) : await applyLock(plan);
    if (values.json) io.out(toJson(dryRun ? { dryRun, changes } : { changes }));
    else if (changes.length === 0) io.out("lock: everything is up to date\n");
    else for (const c of changes) io.out(`${c.file}: ${dryRun ? "would update" : "updated"} ${c.fields.join(", ")}
`);
    return 0;
  }
};

export { command as c };
