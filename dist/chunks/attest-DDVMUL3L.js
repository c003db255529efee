import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  storeBundles
} from "./chunk-NYMZL6PU.js";
import "./chunk-O6VIHSKQ.js";
import "./chunk-SUJYJUOK.js";
import "./chunk-YPELLATJ.js";
import "./chunk-I7OPH6LF.js";
import "./chunk-PBKVHRC3.js";
import "./chunk-MNVFN7U6.js";
import "./chunk-DZUNL7B6.js";
import "./chunk-A7JWPJBF.js";
import "./chunk-CET7KO5S.js";
import "./chunk-N3AID6DX.js";
import "./chunk-AUVY43KH.js";
import "./chunk-YOBALZSW.js";
import "./chunk-QY6YSSUQ.js";
import "./chunk-3XFCJ3SQ.js";
import "./chunk-62RWLHT6.js";
import "./chunk-6LQ44VET.js";
import "./chunk-NP3OSGPT.js";
import "./chunk-ES2OW2N4.js";
import "./chunk-XKBXOX3L.js";
import "./chunk-TYVK2T2V.js";
import "./chunk-U73FS3GH.js";
import "./chunk-FKCR242C.js";
import "./chunk-ULLVEJ36.js";
import "./chunk-FESBZRCF.js";
import {
  parseArgs,
  str
} from "./chunk-2BWFZXJO.js";
import "./chunk-UBMSCOQN.js";
import "./chunk-OYQDDGAU.js";
import "./chunk-2ZLDIS45.js";
import "./chunk-U6HQLEKJ.js";
import "./chunk-YK35P24K.js";
import "./chunk-4JQXYHBV.js";
import "./chunk-OZK2C7TC.js";
import "./chunk-EW3JDDCC.js";
import "./chunk-FEFSD2JC.js";
import "./chunk-EJRXWDVW.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "./chunk-TNV3NBNK.js";
import "./chunk-DQHGHTZX.js";
import "./chunk-2E6TZQRV.js";
import "./chunk-LYRQXBMV.js";
import "./chunk-YR32LSL5.js";
import "./chunk-KMZ2SU7I.js";
import "./chunk-XPVOVGWT.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-DFUR2YEO.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-NI36P5E6.js";
import "./chunk-A6WGSW5D.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

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
export {
  command
};
