import { createRequire } from 'node:module';
import { s as storeBundles } from './chunk-NYMZL6PU-CIixvNrg.js';
import './chunk-O6VIHSKQ-D4UN1D9F.js';
import './chunk-SUJYJUOK-DVAOOj-J.js';
import './chunk-YPELLATJ-DmrUE5hP.js';
import './chunk-I7OPH6LF-DZAU6hue.js';
import './chunk-PBKVHRC3-wi_CBaMH.js';
import './chunk-MNVFN7U6-VUjvR0Gk.js';
import './hot-verify-CS61MYk-.js';
import './chunk-CET7KO5S-Y6oG9QoX.js';
import './chunk-N3AID6DX-dQPS-OfG.js';
import './chunk-AUVY43KH-ByPVU_Dd.js';
import './chunk-YOBALZSW-B141agpR.js';
import './chunk-QY6YSSUQ-DOW5Hrlb.js';
import './chunk-3XFCJ3SQ-CY1KQCXb.js';
import './chunk-62RWLHT6-DusoIaw8.js';
import './hot-audit-verify-DZYJh8zf.js';
import './chunk-ULLVEJ36-CqSbsUH_.js';
import './chunk-FESBZRCF-DVFrC6lj.js';
import { g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-OYQDDGAU-Dpe-Jqkv.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-U6HQLEKJ-DFuKjzG7.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-Cbhe7qur.js';
import './hot-validate-plan-DjS3M9MR.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import 'node:fs';
import 'node:path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'url';
import 'assert';
import 'dns';
import 'node:crypto';
import 'node:fs/promises';
import 'node:os';
import './hot-validate-verify-COnm42W2.js';
import 'node:url';
import 'node:worker_threads';
import 'node:child_process';
import 'node:http';
import 'node:https';
import 'node:stream';
import 'node:stream/promises';
import 'node:util';
import 'node:timers/promises';
import 'node:v8';

const require$1 = createRequire(import.meta.url);

// src/commands/attest.ts
var command = {
  name: "attest",
  summary: "file the bundles a workflow's actions/attest signed beside the records they attest, and on the images",
  usage: `Usage: modelgate attest store BUNDLE\u2026 [--remote R] [--branch B] [--dry-run] [--json]

In GitHub Actions, publish and release write the in-toto Statements of each promotion record they commit, and the
workflow signs them keylessly with actions/attest (workflows/modelgate-publish.yml, modelgate-release.yml).
\`attest store\` then files each signed bundle (actions/attest's bundle-path) where \`audit verify --trust\` and
other verifiers look for it: beside the model's ledger, records/MODEL/attestations/<statement sha256>.sigstore.json
(one commit on the GitOps branch), and on the record's image as an OCI referrer (artifactType
application/vnd.dev.sigstore.bundle.v0.3+json; the sha256-<hex> tag where the registry has no referrers API).

A bundle whose Statement no promotion record names is refused (exit 1), and nothing is filed. Filing a bundle
again changes nothing. Signatures are not judged here: \`audit verify --trust FILE\` does, against your policy.
With a key, publish and release sign and file the bundles themselves (--signing-key): nothing to store.

Options:
  --remote R    the GitOps remote (default: spec.gitops.remote, else origin)
  --branch B    the GitOps branch (default: spec.gitops.branch, else the remote's default branch)
  --dry-run     say which record each bundle attests and where it would go; write nothing
  --json        the bundles filed, as JSON
  -h, --help    this text

Environment: MODELGATE_REGISTRY_USERNAME / MODELGATE_REGISTRY_PASSWORD for the registry.
Exit codes: 0 filed (or already there), 1 a bundle no record names, or the push failed, 2 usage error.
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("attest", args, {
      remote: { type: "string" },
      branch: { type: "string" },
      "dry-run": { type: "boolean" }
    });
    const [sub, ...files] = positionals;
    if (sub !== "store") {
      throw new UserError(
        `${sub ? `unknown subcommand "${sub}"` : "name a subcommand"}: modelgate attest store BUNDLE\u2026; see modelgate attest --help`
      );
    }
    const r = await storeBundles(openWorkspace(io), {
      bundles: files,
      remote: str(values.remote),
      branch: str(values.branch),
      dryRun: Boolean(values["dry-run"])
    });
    if (values.json) {
      io.out(toJson(r));
      return 0;
    }
    for (const s of r.stored) {
      io.out(
        `${r.dryRun ? "would file" : "filed"} ${s.file}: ${s.predicateType} of ${s.model} ${s.record.version} (${s.record.action}, record #${s.record.sequence}) as ${s.path}, on ${s.image}
`
      );
    }
    if (!r.dryRun) io.out(r.commit ? `commit ${r.commit}
` : "every bundle was filed already: nothing to do\n");
    return 0;
  }
};

export { command };
