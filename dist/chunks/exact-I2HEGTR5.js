import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  LEDGER_INTEGRITY,
  evaluationReads,
  firstOverlays,
  knownOverlays,
  manifestOf,
  manifestPaths,
  monitoringRecordPaths,
  overlayWrites,
  readFacts,
  verifyEarlyReads,
  verifyHistory,
  verifyLateReads
} from "./chunk-I3246AG4.js";
import {
  bundlePaths
} from "./chunk-LHLZEIYA.js";
import "./chunk-57DYT45S.js";
import "./chunk-UOTXH2B2.js";
import "./chunk-2FLB7VAB.js";
import "./chunk-3XFCJ3SQ.js";
import "./chunk-4XVEALKW.js";
import "./chunk-VWVBXSYG.js";
import {
  renderCsv,
  renderTimeline,
  renderVerification
} from "./chunk-YN67MKMD.js";
import {
  boundRecord
} from "./chunk-DNC5GW5B.js";
import "./chunk-4BLITTKA.js";
import "./chunk-6LQ44VET.js";
import "./chunk-NP3OSGPT.js";
import "./chunk-ES2OW2N4.js";
import "./chunk-XKBXOX3L.js";
import "./chunk-TYVK2T2V.js";
import {
  escapeMd
} from "./chunk-U73FS3GH.js";
import "./chunk-76FGR6L6.js";
import "./chunk-ZBPD3DRM.js";
import {
  toJson
} from "./chunk-RQB7ZENY.js";
import "./chunk-ICA2TUKF.js";
import "./chunk-7MFGN6CO.js";
import "./chunk-UPGHJSZ6.js";
import "./chunk-S43IQFRZ.js";
import "./chunk-YZUBQ7DK.js";
import "./chunk-AVCTVMN2.js";
import "./chunk-DF6EL5VG.js";
import "./chunk-A6WGSW5D.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";
import "./chunk-CCN2QAD7.js";

// src/audit/evidence.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
var REQUIREMENTS = [
  {
    id: "EU AI Act Art. 12 (record-keeping)",
    text: "High-risk AI systems allow the automatic recording of events (logs) over their lifetime, for traceability.",
    items: [
      "records/*/promotions.jsonl",
      "records/*/attestations/*.sigstore.json",
      "changes.txt",
      "tags.txt",
      "timeline.*",
      "verification.md"
    ],
    signatures: "Each promotion record's modelgate promotion Statement (`records/<model>/attestations/<sha256>.sigstore.json`, the sha256 the record names) is signed by the publish or release workflow's identity (keyless, GitHub Actions) or the holder of the signing key: it proves that this record \u2014 which image digest went to which environment, when, the stage counter, who approved \u2014 was written by that signer, not by anyone else with push access; its digest in the record puts the signature inside the hash chain. `modelgate audit verify --trust FILE` checks every one against the signers FILE allows.",
    shows: "Every change of what each environment runs \u2014 version, image digest, time, who triggered it, on whose approval \u2014 appended automatically by publish and release to a hash-chained ledger in git; verification.md shows the chain unbroken and no change to the deployment files outside it.",
    limits: "Covers the release lifecycle, not the logs of the system in operation (inputs, outputs, periods of use; Art. 12(2)\u2013(3)), which the serving platform must keep."
  },
  {
    id: "EU AI Act Annex IV 1(a)",
    text: "Intended purpose, the provider, and the version of the system reflecting its relation to previous versions.",
    items: ["sources/*/*/model.yaml", "sources/*/*/MODEL_CARD.md", "records/*/promotions.jsonl", "tags.txt"],
    shows: "Each version's intended and out-of-scope use as its owners wrote them, its version number and version tag, and which version it replaced in each environment (supersedes in release records).",
    limits: "The provider's name only where the model card states it."
  },
  {
    id: "EU AI Act Annex IV 1(c)",
    text: "The versions of relevant software or firmware, and requirements related to version updates.",
    items: ["records/*/evaluations/*.json", "sources/*/*/training-record.json", "records/*/promotions.jsonl"],
    shows: "The exact image deployed (by digest), and the onnxruntime, Node.js and modelgate versions that evaluated it and the tools that trained it.",
    limits: "The serving stack's own versions (KServe, Triton) only as far as the deployment files pin them."
  },
  {
    id: "EU AI Act Annex IV 2(d)",
    text: "Data requirements: datasheets, the training data used, its provenance, scope, characteristics, selection, labelling and cleaning.",
    items: ["sources/*/*/data/*.yaml", "sources/*/*/training-record.json", "records/*/promotions.jsonl"],
    shows: "Which data, by sha256, trained and evaluated each version; the Dataset manifests' schema, checks and datasheet fields (motivation, collection, preprocessing, licence, personal data, known biases).",
    limits: "The data itself is not copied: it is in the repository (or its declared location) at those digests."
  },
  {
    id: "EU AI Act Annex IV 2(g)",
    text: "Validation and testing procedures, the data used, metrics (accuracy, robustness, potentially discriminatory impacts), test logs and dated test reports signed by the responsible persons.",
    items: ["records/*/evaluations/*.json", "records/*/promotions.jsonl", "timeline.*", "verification.md"],
    shows: "For each version: metrics with 95% bootstrap intervals against the baseline, per-slice metrics and fairness gaps, the gates and verdict, the evaluation data's digest and rows, dated; who approved the exact evaluated commit, and when.",
    limits: "Approvals are GitHub reviews recorded by modelgate, not signatures of the reviewers; unless the records are attested (signed by the workflow or a release key, `audit verify --trust`), their authenticity rests on who may push to the GitOps branch."
  },
  {
    id: "EU AI Act Annex IV 6",
    text: "A description of relevant changes made by the provider to the system through its lifecycle.",
    items: ["timeline.md", "timeline.csv", "records/*/promotions.jsonl", "changes.txt"],
    shows: "Every proposal, training, evaluation, approval, publish, release, rollback, unassignment and deregistration of each model, in order.",
    limits: "Changes to the model's code or data are described by the pull requests the timeline names, in git."
  },
  {
    id: "EU AI Act Art. 14 (human oversight)",
    text: "High-risk AI systems are designed so that natural persons can effectively oversee them.",
    items: ["records/*/promotions.jsonl", "timeline.*", "sources/*/*/MODEL_CARD.md", "verification.md"],
    shows: "A person other than the author approved the exact evaluated commit before it was published; the environment's reviewers approved each production release; rollbacks were decided by people; the card's human-oversight section.",
    limits: "Oversight during operation (monitoring, overriding, stopping the system) happens outside git."
  },
  {
    id: "EU AI Act Art. 72 (post-market monitoring)",
    text: "Providers establish and document a post-market monitoring system with a plan, which actively collects and analyses data on the system's performance throughout its lifetime.",
    items: ["sources/*/*/model.yaml", "records/*/monitoring/*.json", "timeline.*", "verification.md"],
    shows: "The plan: each version's Model manifest's `monitoring:` section (windows, minimum rows, drift tests and correction, metric floors with maxDrop, what to do on an alert) with the monitoring workflow that runs it (`.github/workflows/` of the repository); the records: one content-addressed monitoring record per run \u2014 the window, the logs and labels by sha256, drift per feature, realized and estimated performance, gates and alerts \u2014 bound to the version, environment and promotion record it watched (`monitored` on the timeline; verification.md's monitoring-binding finds none unbound), and the rollbacks and retrainings alerts led to.",
    limits: "Only the runs that were made: a schedule that did not run, or logs the serving platform did not keep, leave no record. Serious-incident reporting (Art. 73) and the plan's template (Art. 72(3)) are the provider's own documents."
  },
  {
    id: "SOC 2 CC8.1 (change management)",
    text: "The entity authorizes, designs, develops, configures, documents, tests, approves and implements changes.",
    items: [
      "timeline.*",
      "records/*/promotions.jsonl",
      "records/*/evaluations/*.json",
      "changes.txt",
      "verification.md",
      "records/*/attestations/*.sigstore.json"
    ],
    signatures: "Each publish's SLSA provenance Statement, signed by the publish workflow (or the signing key), proves which merged commit, model file, data files, evaluation record and base image the image digest was built from, and by which builder; its promotion Statement proves the gates' verdicts and the approvals of the exact evaluated commit as recorded at that moment; each release or rollback's Statement proves the environment approvals and what it superseded. A change without them (an unsigned or differently signed record) is a finding of `audit verify --trust`.",
    shows: "For each change: proposed (pull request), tested (evaluation and gates), approved (reviews of the exact commit, environment approvals), implemented (the commit pinning the image digest); verification shows no change to the deployment files outside that path.",
    limits: "Changes made directly in a cluster (kubectl edit) are not in git; GitOps drift detection (Argo CD, Flux) covers them."
  },
  {
    id: "ISO/IEC 42001 A.6.2.5 (AI system deployment)",
    text: "Document a deployment plan and ensure that appropriate requirements are met prior to deployment.",
    items: ["modelgate.yaml", "verification.md", "records/*/promotions.jsonl", "records/*/evaluations/*.json"],
    shows: "The requirements (modelgate.yaml: environments, approval policy, releasers; each model's gates) and, for every stage assignment, that they were met before the image reached the environment.",
    limits: "The deployment plan beyond what the configuration and manifests state is the organisation's own document."
  }
];
function renderRequirements() {
  const rows = REQUIREMENTS.map(
    (r) => `| ${r.id} | ${r.text} | ${r.items.map((i) => `\`${i}\``).join(", ")} | ${r.shows} | ${r.limits} |`
  );
  return [
    "# What each item evidences",
    "",
    "modelgate's mapping of this folder to the requirements auditors ask about. The requirement texts are paraphrased;",
    "the mapping helps find the evidence and says what it does not cover. It is not legal advice.",
    "",
    "| requirement | in short | items | what they show | what they do not show |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "## Which signature proves what",
    "",
    ...REQUIREMENTS.filter((r) => r.signatures).map((r) => `- **${r.id}**: ${r.signatures}`),
    ""
  ].join("\n");
}
var field = (v) => /[\u0000-\u001f\u007f"\\]/.test(v) ? JSON.stringify(v) : v;
function tagsText(snap) {
  const lines = ["# tag	type	object	commit	tagger	date"];
  for (const t of snap.tags)
    lines.push(
      [
        field(t.name),
        t.annotated ? "annotated" : "lightweight",
        t.object,
        t.commit ?? "-",
        t.tagger ? field(`${t.tagger.name} <${t.tagger.email}>`) : "-",
        t.tagger?.date ?? "-"
      ].join("	")
    );
  return `${lines.join("\n")}
`;
}
function changesText(snap) {
  const out = [];
  for (const c of snap.commits.filter((x) => x.changes.length > 0)) {
    out.push(`commit ${c.oid}`);
    out.push(`author ${field(`${c.author.name} <${c.author.email}>`)} ${c.author.date}`);
    out.push(`committer ${field(`${c.committer.name} <${c.committer.email}>`)} ${c.committer.date}`);
    out.push(`subject ${field(c.subject)}`);
    for (const [k, vs] of c.trailers) for (const v of vs) out.push(`trailer ${k}: ${field(v)}`);
    for (const ch of c.changes) out.push(`change ${ch.status} ${ch.oldOid} ${ch.newOid} ${field(ch.path)}`);
    out.push("");
  }
  return `${out.join("\n")}`;
}
function writeEvidence(dir, input) {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UserError(`--evidence ${dir}: ${target} is not empty; give a new or empty folder`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
  const files = /* @__PURE__ */ new Map();
  const sources = [];
  const r = input.report;
  files.set("timeline.md", Buffer.from(renderTimeline({ ...r, verification: void 0 })));
  files.set("timeline.json", Buffer.from(toJson(r)));
  files.set("timeline.csv", Buffer.from(renderCsv(r)));
  files.set("verification.md", Buffer.from(renderVerification(r)));
  files.set("requirements.md", Buffer.from(renderRequirements()));
  files.set("tags.txt", Buffer.from(tagsText(input.snap)));
  files.set("changes.txt", Buffer.from(changesText(input.snap)));
  if (input.config) {
    files.set("modelgate.yaml", input.config);
    sources.push(["modelgate.yaml", `${r.repository.commit}:modelgate.yaml`]);
  }
  for (const c of input.copies) {
    files.set(c.path, c.bytes);
    sources.push([c.path, c.source]);
  }
  const sums = [...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([p, b]) => ({ path: p, sha256: createHash("sha256").update(b).digest("hex") }));
  const readme = [
    `# Audit evidence: ${escapeMd(r.repository.ref)} at \`${r.repository.commit}\``,
    "",
    `Made by \`${escapeMd(input.command)}\` from the git history alone, as of the commit above (committed ${escapeMd(r.repository.committedAt)}).`,
    `Verification: ${r.verification ? r.verification.ok ? "no findings" : `${r.verification.findings.length} findings (verification.md)` : "not run"}.`,
    "",
    "| file | what it is |",
    "|---|---|",
    "| `timeline.md`, `timeline.csv` | every event of every model, oldest first (CSV: one row per event) |",
    "| `timeline.json` | the same, with the verification, as JSON (schema: `schemas/audit-report.schema.json`) |",
    "| `verification.md` | `modelgate audit verify`: each gap in the chain, or none |",
    "| `requirements.md` | what each item evidences, requirement by requirement |",
    "| `records/<model>/promotions.jsonl` | the promotion ledger (hash-chained, canonical JSON) |",
    "| `records/<model>/evaluations/<sha256>.json` | each evaluation record a promotion cites, named by its digest |",
    "| `records/<model>/attestations/<sha256>.sigstore.json` | each signed in-toto Statement a promotion record names (Sigstore bundle v0.3; `requirements.md` says which signature proves what) |",
    "| `sources/<model>/<version>/` | the model manifest, training record and dataset manifests at the published commit; the model card it published |",
    "| `tags.txt`, `changes.txt` | every registry tag; every commit that changed deploy or records files, modelgate.yaml or a model card, with its trailers (a value holding a tab, a line break or a quote written as a JSON string) |",
    "| `modelgate.yaml` | the configuration: environments, approval policy, releasers |",
    "",
    "To check this folder: `sha256sum -c SHA256SUMS`. To check a copy against git, in a clone: `git cat-file -p <object>`",
    "with the object named below, and compare.",
    "",
    "| file | git object |",
    "|---|---|",
    ...sources.sort().map(([p, s]) => `| \`${p}\` | \`${s}\` |`),
    ""
  ].join("\n");
  try {
    for (const [p, b] of files) {
      mkdirSync(dirname(join(tmp, p)), { recursive: true });
      writeFileSync(join(tmp, p), b);
    }
    writeFileSync(join(tmp, "README.md"), readme);
    writeFileSync(join(tmp, "SHA256SUMS"), sums.map((s) => `${s.sha256}  ${s.path}
`).join(""));
    if (existsSync(target)) rmdirSync(target);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return sums;
}
export {
  LEDGER_INTEGRITY,
  boundRecord,
  bundlePaths,
  evaluationReads,
  firstOverlays,
  knownOverlays,
  manifestOf,
  manifestPaths,
  monitoringRecordPaths,
  overlayWrites,
  readFacts,
  verifyEarlyReads,
  verifyHistory,
  verifyLateReads,
  writeEvidence
};
