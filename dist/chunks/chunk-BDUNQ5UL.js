import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DEFAULT_LOG_PATHS,
  LOG_GLOBS,
  startHistoryReads
} from "./chunk-VWVBXSYG.js";
import {
  parseArgs,
  str
} from "./chunk-2BWFZXJO.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/commands/audit.ts
import { resolve } from "node:path";

// src/audit/time.ts
function parseTime(text) {
  if (text === "now") return Date.now();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const full = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const t = Date.parse(date ? `${text}T00:00:00Z` : text);
  if (!date && !full || !Number.isFinite(t)) {
    throw new UserError(
      `--at ${text}: not a time; give RFC 3339 with a zone (2026-03-02T15:30:00Z, 2026-03-02T16:30:00+01:00), a date (2026-03-02, midnight UTC), or now`
    );
  }
  return t;
}

// src/commands/audit.ts
function startReads(io, ref, reachable) {
  if (ref !== void 0) return void 0;
  return startHistoryReads(io.cwd, { paths: DEFAULT_LOG_PATHS, globs: LOG_GLOBS, reachable });
}
var usage = `Usage:
  modelgate audit [MODEL\u2026] [--ref REF] [--at TIME [--env ENV]] [--json | --csv] [--evidence DIR [--trust FILE]]
  modelgate audit verify [MODEL\u2026] [--ref REF] [--registry [--layout DIR]] [--trust FILE] [--json]

Reconstructs each model's history from git alone \u2014 the promotion ledger (records/MODEL/promotions.jsonl), the
evaluation and training records, the commits with their trailers, and the registry tags \u2014 with no GitHub and no
network. Run it in a clone with the whole history and every tag (git clone; actions/checkout with fetch-depth: 0).

audit: the timeline of every model (or each MODEL named): proposed (pull request, author, evaluated head), trained
(the training record at the merged commit), evaluated (record digest, headline metrics, gates, verdict), approved
(reviewer, review id, the commit approved, when), published (image, environment, stage tag), registered (version
tag), released and rolled back (tag, who pushed it, the environment's approvals), unassigned, deregistered; and
what each environment runs now.
  --at TIME      which version and image each model had in an environment at TIME, since when, and the chain of
                 evidence that put it there (overlay \u2192 promotion record \u2192 tags \u2192 evaluation \u2192 approvals \u2192 pull
                 request). TIME: RFC 3339 with a zone (2026-03-02T15:30:00Z), a date (midnight UTC), or now.
  --env ENV      the environment for --at (default: the last in modelgate.yaml, usually production)
  --json         the report as JSON (schema: schemas/audit-report.schema.json)
  --csv          one row per event, for spreadsheets
  --evidence DIR also write a folder to archive: the timeline (Markdown, JSON, CSV), the verification, the records
                 it cites copied out of git, the tags and the commits that changed deploy/records files, a table
                 mapping each item to the requirement it evidences (EU AI Act Art. 12, 14, 72, Annex IV; SOC 2 CC8.1;
                 ISO/IEC 42001 A.6.2.5, and which signature proves what), the signed bundles of the records, and
                 SHA256SUMS. DIR must be new or empty. --trust FILE: its verification checks the signatures too.

audit verify: exit 0 only when every stage assignment ever made is backed by the whole chain. The whole history is
read (a change later undone, or hidden by a merge, is still examined), the same from any folder of the repository.
Each gap is one finding naming what, which commit, tag, record or path, and what was expected:
  ledger-unreadable, ledger-chain   each ledger line a valid, canonical record; sequence and previous-digest chain
  ledger-rewritten                  each change to a ledger appends exactly one record (no deletion, edit, insertion,
                                    and no record dropped by a merge)
  record-commit, record-trailers    each record appended by a commit of modelgate's identity whose trailers name it
  trailers-without-record           no commit carries modelgate's trailers without appending the record they name
  source-missing                    each record's commit is in the history of REF (not rewritten away)
  evaluation-missing, -binding      the evaluation record is in git with the cited digest and evaluated exactly the
                                    published artifact, version and data
  evaluation-verdict                its gates, judged against the manifest at the merged commit, passed
  approval                          an approval of the exact evaluated head, by someone other than the author
  release                           a release promotes a published version's image, by its version tag, with the
                                    environment approval modelgate.yaml requires, and says what it superseded
  deploy-edit, overlay-pin          every change under deploy/ made by a modelgate commit, each overlay pinned to
                                    exactly the record that put it there (a hand edit is a finding, so is a file
                                    directly under deploy/ or a folder of a model with no ledger)
  tag-missing, tag-lightweight,     the tag each record made (MODEL#ENV#N, its unassignment or deregistration),
  tag-grammar, tag-moved,           annotated, where the record says (a tag whose object or commit differs from the
  stage-counter, version-tag,       record's is moved); stage counters only increase; version tags on the commit
  deregistered-released,            that published the version; no release of a deregistered version (by its record
  tag-without-record                or its tag); no change to a stage modelgate manages without a record (an
                                    assignment no record made; an unassignment, deregistration or deprecation of
                                    what an environment runs). Tags are read as GTO reads them (every tag its
                                    grammar accepts, annotated only); GTO's other tags are timeline events
  registry-record                   a deregistration or unassignment record names the version's publish record and
                                    commit, and withdraws nothing still running
  card-binding, card-edit           MODEL_CARD.md as the publish commit wrote it, with the digest its record names;
                                    at REF, the card the last publish bound
  config-change                     spec.paths and spec.gitops (what verify reads) changed only by a reviewed pull
                                    request a publish record holds
  image-missing                     with --registry: each image still in its registry (HEAD by digest; images
                                    published without a registry: the local OCI layout, --layout, default
                                    .modelgate/images)
  attestation-missing,              with --trust FILE (a trust policy: public keys, or a Sigstore trusted root and
  attestation-untrusted,            the workflow identities allowed): each record attested by in-toto Statements in
  attestation-mismatch              bundles beside its ledger, signed by a key or identity the policy allows, whose
                                    subjects (image, model digests) and predicate are those of the record, byte for
                                    byte. Without --trust, modelgate.yaml's spec.trustPolicy (only as trustworthy as
                                    push access: an auditor passes their own copy)
  referrer-missing                  with --registry: each published image carries the referrers its record
                                    promises (the evaluation record it cites, the promotion record, the card)
  monitoring-binding                each monitoring record (records/MODEL/monitoring/) named by the sha256 of its
                                    bytes, citing promotion records of the model's ledger that deployed the version
                                    to the environment it names
  --json         the report with its verification as JSON

Options of both:
  --ref REF      the GitOps branch to audit (default HEAD; for a separate GitOps branch, e.g. origin/gitops)

Exit codes: 0 ok (verify: no findings), 1 verify found gaps, 2 usage or configuration error.
`;
var command = {
  name: "audit",
  summary: "the timeline of every model from git alone, what ran at a time, and verify: proof no step was skipped",
  usage,
  async run(args, io) {
    if (args[0] === "verify") return verify(args.slice(1), io);
    const { values, positionals } = parseArgs("audit", args, {
      ref: { type: "string" },
      at: { type: "string" },
      env: { type: "string" },
      csv: { type: "boolean" },
      evidence: { type: "string" },
      trust: { type: "string" }
    });
    if (values.json && values.csv) throw new UserError("--json and --csv: choose one format");
    if (values.trust && !values.evidence) throw new UserError("--trust goes with --evidence DIR (or audit verify)");
    if (values.env && !values.at) throw new UserError("--env goes with --at TIME (which environment at that time)");
    const evidence = str(values.evidence);
    const at = values.at ? { time: parseTime(String(values.at)), environment: str(values.env) } : void 0;
    const started = startReads(io, values.ref, Boolean(evidence));
    const [{ runAudit }, trust] = await Promise.all([
      import("./run-4B36M6AC.js"),
      values.trust ? import("./trust-XNVHDQTX.js") : void 0,
      evidence ? import("./exact-26RPNA3W.js") : void 0
    ]);
    const out = await runAudit({
      started,
      cwd: io.cwd,
      ref: str(values.ref),
      models: positionals,
      timeline: true,
      at,
      evidenceDir: evidence ? resolve(io.cwd, evidence) : void 0,
      ...trust ? { trust: trust.readTrustPolicy(resolve(io.cwd, String(values.trust))) } : {},
      command: ["modelgate audit", ...args].join(" ")
    });
    if (out.evidence) io.err(`evidence: ${out.evidence.files.length} files in ${evidence} (SHA256SUMS lists them)
`);
    await print(out, io, values.json ? "json" : values.csv ? "csv" : "md");
    return 0;
  }
};
async function print(out, io, format) {
  const report = { ...out.report, verification: void 0 };
  if (format === "json") return io.out(toJson(report));
  const { renderCsv, renderTimeline } = await import("./render-G7AT6XGJ.js");
  io.out(format === "csv" ? renderCsv(report) : renderTimeline(report));
}
async function verify(args, io) {
  const { values, positionals } = parseArgs("audit verify", args, {
    ref: { type: "string" },
    registry: { type: "boolean" },
    layout: { type: "string" },
    trust: { type: "string" }
  });
  if (values.layout && !values.registry) throw new UserError("--layout goes with --registry");
  const started = startReads(io, values.ref, true);
  const [{ runAudit }, { renderVerification }] = await Promise.all([
    import("./run-4B36M6AC.js"),
    import("./render-G7AT6XGJ.js"),
    import("./exact-26RPNA3W.js")
  ]);
  const trust = await trustPolicyFor(str(values.trust), io);
  const out = await runAudit({
    started,
    cwd: io.cwd,
    ref: str(values.ref),
    models: positionals,
    verify: true,
    ...trust ? { trust } : {},
    registry: values.registry ? {
      env: io.env,
      // default: .modelgate/images at the top of the repository (runAudit finds it from any folder)
      layout: values.layout ? resolve(io.cwd, String(values.layout)) : void 0,
      log: (l) => io.err(`${l}
`)
    } : void 0
  });
  const v = out.report.verification;
  if (values.json) io.out(toJson(out.report));
  else io.out(renderVerification(out.report));
  if (v && !v.ok) {
    throw new CheckFailed(
      `${v.findings.length} finding${v.findings.length === 1 ? "" : "s"}: the history has gaps (each is listed above with what was expected)`
    );
  }
  return 0;
}
async function trustPolicyFor(file, io) {
  if (!file) {
    const { mayNameTrustPolicy } = await import("./trust-named-ADJCCK43.js");
    if (!mayNameTrustPolicy(io.cwd)) return void 0;
  }
  const { readTrustPolicy } = await import("./trust-XNVHDQTX.js");
  if (file) return readTrustPolicy(resolve(io.cwd, file));
  let named;
  let root = io.cwd;
  try {
    const { openWorkspace } = await import("./workspace-LEDLFSIA.js");
    const repo = openWorkspace(io).repo;
    root = repo.root;
    named = repo.config.spec.trustPolicy;
  } catch {
    return void 0;
  }
  if (!named) return void 0;
  io.err(`trust policy: ${named} (modelgate.yaml spec.trustPolicy; an auditor passes their own with --trust)
`);
  return readTrustPolicy(resolve(root, named));
}

export {
  command
};
