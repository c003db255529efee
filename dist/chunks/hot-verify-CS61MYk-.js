import { createRequire } from 'node:module';
import { r as recordDigest, p as parseTag, c as canonicalJson, s as sha256Of, a as attestationPathBeside, b as renderTimeline, d as renderCsv, e as renderVerification, f as escapeMd, S as SchemaNotLoaded, g as actionText, h as short, i as isModelName, o as overlayOf, Z as ZERO, j as gitBlobId, k as deployPathOf, l as escapeRe, m as configFrom, C as CONFIG_PATH, n as promotionTrailers, q as readEvaluation, t as digestOf, u as evaluationCopyPath, v as bindingGaps, w as judgeEvaluation, x as addedBy, y as versionTag, z as currentIn, A as deregisterTag, B as placesVersion, D as promotionsPath, E as ledgerModels, G as prefixIndex, H as answerEvaluation, F as boundRecord, I as CSV_COLUMNS, J as describe, K as prose, L as renderAt, M as v } from './hot-audit-verify-DZYJh8zf.js';
import { c as fastYamlValue, t as toJson, h as closeObjectReaders, j as readObjects, k as gitEnvironment, d as findRoot, C as CONFIG_FILE } from './hot-validate-plan-audit-verify-DglurztO.js';
import { m as manifestWith, s as startModuleWorker, i as isEndMessage } from './hot-validate-verify-COnm42W2.js';
import { p as plainManifest } from './hot-validate-plan-verify-C9JqfCVv.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, mkdirSync, mkdtempSync, writeFileSync, rmdirSync, renameSync, rmSync, readFileSync } from 'node:fs';
import { resolve, dirname, join, basename } from 'node:path';
import { parentPort, isMainThread, workerData } from 'node:worker_threads';

const require$8 = createRequire(import.meta.url);

// src/deploy/overlay-pin.ts
var RECORD_ANNOTATION = "modelgate.dev/promotion-record";
var VERSION_ANNOTATION = "modelgate.dev/version";
var SCHEME_RE = /^(oci(?:\+[a-z]+)?):\/\//;
var DEFER = /* @__PURE__ */ Symbol("defer to yaml");
function pinOfDocument(doc, parsePatch) {
  const ops = [];
  for (const p of doc?.patches ?? []) {
    try {
      const list = typeof p.patch === "string" ? parsePatch(p.patch) : void 0;
      if (Array.isArray(list)) ops.push(...list);
    } catch (e) {
      if (e === DEFER) throw e;
    }
  }
  const value = (suffix) => {
    const v = ops.find((o) => typeof o.path === "string" && o.path.endsWith(suffix))?.value;
    return typeof v === "string" ? v : void 0;
  };
  const uri = value("/storageUri") ?? value("/initContainers/0/image");
  const scheme = uri ? SCHEME_RE.exec(uri)?.[1] : void 0;
  const image = uri?.replace(SCHEME_RE, "");
  if (!image) return void 0;
  return {
    image,
    ...scheme ? { scheme } : {},
    version: value(VERSION_ANNOTATION.replace("/", "~1")),
    record: value(RECORD_ANNOTATION.replace("/", "~1"))
  };
}
var PLACEHOLDER = "modelgate-literal-block-";
var PATCH_KEY = /^( *)patch: \|$/;
function withoutBlocks(text) {
  if (!text.endsWith("\n") || text.includes(PLACEHOLDER) || text.includes("\r") || text.includes("	"))
    return void 0;
  const lines = text.split("\n");
  lines.pop();
  const out = [];
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const m = PATCH_KEY.exec(lines[i]);
    if (!m) {
      out.push(lines[i]);
      continue;
    }
    const keyIndent = m[1].length;
    const indentOf = (s) => /^ */.exec(s)[0].length;
    const first = lines[i + 1];
    if (first === void 0 || first.trim() === "" || indentOf(first) <= keyIndent) return void 0;
    const n = indentOf(first);
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (line.trim() === "") return void 0;
      const ind = indentOf(line);
      if (ind >= n) body.push(line.substring(n));
      else if (ind <= keyIndent) break;
      else return void 0;
    }
    out.push(`${m[1]}patch: ${PLACEHOLDER}${blocks.length}`);
    blocks.push(`${body.join("\n")}
`);
    i = j - 1;
  }
  return { text: `${out.join("\n")}
`, blocks };
}
function fastOverlayPin(text) {
  const split = withoutBlocks(text);
  if (!split) return DEFER;
  const doc = fastYamlValue(split.text);
  if (doc === void 0) return DEFER;
  const patches = doc?.patches;
  if (Array.isArray(patches)) {
    for (const p of patches) {
      const v = p?.patch;
      if (typeof v === "string" && v.startsWith(PLACEHOLDER))
        p.patch = split.blocks[Number(v.substring(PLACEHOLDER.length))];
    }
  }
  try {
    return pinOfDocument(doc, (patch) => {
      const v = fastYamlValue(patch);
      if (v === void 0) throw DEFER;
      return v;
    });
  } catch (e) {
    if (e === DEFER) return DEFER;
    throw e;
  }
}

const require$7 = createRequire(import.meta.url);

// src/attest/statement.ts
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var PAYLOAD_TYPE = "application/vnd.in-toto+json";
var SLSA_PROVENANCE = "https://slsa.dev/provenance/v1";
var PROMOTION_PREDICATE = "https://modelgate.dev/attestation/promotion/v1";
function statement(subjects, predicateType, predicate) {
  const subject2 = [...subjects].sort(
    (a, b) => a.name.localeCompare(b.name) || a.digest.sha256.localeCompare(b.digest.sha256)
  );
  return { _type: STATEMENT_TYPE, subject: subject2, predicateType, predicate };
}
function subject(name, digest) {
  return { name, digest: { sha256: digest.replace(/^sha256:/, "") } };
}

// src/attest/promotion.ts
var PUBLISH_BUILD_TYPE = "https://modelgate.dev/buildtypes/publish/v1";
var OFFLINE_BUILDER = "https://modelgate.dev/builders/offline/v1";
function recordBody(r) {
  const { attestation: _, ...body } = r;
  return body;
}
function recordBodyDigest(r) {
  return recordDigest(recordBody(r));
}
function imageName(reference) {
  const at = reference.indexOf("@");
  return at >= 0 ? reference.slice(0, at) : reference;
}
function recordSubjects(r) {
  const image = subject(imageName(r.image.reference), r.image.digest);
  return r.action === "publish" ? [image, subject(r.model.path, r.model.sha256)] : [image];
}
function provenancePredicate(r, build) {
  const hex = (d) => d.replace(/^sha256:/, "");
  const paths = new Map((build.datasets ?? []).map((d) => [d.name, d.path]));
  const deps = [
    {
      name: "source",
      ...build.builder.repository ? { uri: `git+${build.builder.repository}@${r.source}` } : {},
      digest: { gitCommit: r.source }
    },
    { name: "model", uri: r.model.path, digest: { sha256: r.model.sha256 } },
    ...r.data.map((d) => ({
      name: `data/${d.name}`,
      ...paths.get(d.name) ? { uri: paths.get(d.name) } : {},
      digest: { sha256: d.sha256 }
    })),
    { name: "evaluation-record", uri: r.evaluation.path, digest: { sha256: hex(r.evaluation.record) } },
    ...build.base ? [{ name: "base-image", uri: `oci://${build.base.reference}`, digest: { sha256: hex(build.base.digest) } }] : []
  ];
  return {
    buildDefinition: {
      buildType: PUBLISH_BUILD_TYPE,
      externalParameters: {
        model: r.model.name,
        version: r.model.version,
        environment: r.environment,
        pullRequest: r.pullRequest ? r.pullRequest.number : null
      },
      internalParameters: { stageTag: r.stageTag, triggeredBy: r.triggeredBy },
      resolvedDependencies: deps
    },
    runDetails: {
      builder: { id: build.builder.id },
      metadata: { ...build.builder.runUrl ? { invocationId: build.builder.runUrl } : {}, startedOn: r.at }
    }
  };
}
function promotionPredicate(r, build) {
  const rel = r.release;
  const reg = r.registry;
  const stage = parseTag(r.stageTag);
  return {
    action: r.action,
    model: { name: r.model.name, version: r.model.version, sha256: r.model.sha256 },
    environment: r.environment,
    stageTag: r.stageTag,
    promotionRecord: recordBodyDigest(r),
    evaluation: { record: r.evaluation.record, verdict: r.evaluation.verdict, gates: r.evaluation.gates },
    approvals: r.approvals.map((a) => ({ reviewer: a.reviewer, commit: a.commit, reviewId: a.reviewId })),
    environmentApprovals: (rel?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => ({ user: a.user, at: a.at })),
    source: r.source,
    builder: { id: build.builder.id, ...build.builder.runUrl ? { runUrl: build.builder.runUrl } : {} },
    ...rel ? {
      release: {
        tag: rel.tag,
        tagObject: rel.tagObject,
        pushedBy: rel.pushedBy,
        stage: stage?.kind === "stage" ? stage.number ?? 0 : 0,
        publishRecord: rel.publishRecord,
        supersedes: rel.supersedes
      }
    } : {},
    ...reg ? { registry: { tag: r.stageTag, publishRecord: reg.publishRecord, pushedBy: reg.pushedBy } } : {}
  };
}
function recordStatements(r, build) {
  const subjects = recordSubjects(r);
  const promotion = statement(
    subjects,
    PROMOTION_PREDICATE,
    promotionPredicate(r, build)
  );
  if (r.action !== "publish") return [promotion];
  return [statement(subjects, SLSA_PROVENANCE, provenancePredicate(r, build)), promotion];
}
function normalStatement(s) {
  return canonicalJson(statement(s.subject, s.predicateType, s.predicate));
}
function statementDigest(s) {
  return sha256Of(normalStatement(s));
}
function attestRecord(body, build) {
  const statements = recordStatements(body, build);
  return {
    block: {
      ...build,
      statements: statements.map((s) => ({ predicateType: s.predicateType, digest: statementDigest(s) }))
    },
    statements
  };
}

const require$6 = createRequire(import.meta.url);

// src/records/model-manifest-paths.ts
function modelManifestPaths(modelsDir, model) {
  const dir = model.path.includes("/") ? model.path.slice(0, model.path.lastIndexOf("/")) : "";
  return [.../* @__PURE__ */ new Set([`${dir ? `${dir}/` : ""}model.yaml`, `${modelsDir}/${model.name}/model.yaml`])];
}

const require$5 = createRequire(import.meta.url);

// src/attest/check.ts
function bundlePaths(ledgerPath, e) {
  return (e.record.attestation?.statements ?? []).map((s) => attestationPathBeside(ledgerPath, s.digest.slice(7)));
}
function statementDifference(signed, expected) {
  const sub = (s) => s.subject.map((x) => `${x.name}@sha256:${x.digest.sha256}`).sort().join(", ");
  if (sub(signed) !== sub(expected)) return `it signs the subjects ${sub(signed)}, the record names ${sub(expected)}`;
  if (signed.predicateType !== expected.predicateType)
    return `its predicate type is ${signed.predicateType}, expected ${expected.predicateType}`;
  const a = signed.predicate;
  const b = expected.predicate;
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differ = keys.filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
  return `its predicate differs from the record in ${differ.join(", ") || "its canonical form"}`;
}
function checkRecordAttestationWith(verifyBundle, ledgerPath, e, readBundle, trust) {
  const r = e.record;
  const what = `record #${r.sequence} (${r.action} ${r.model.version} to ${r.environment})`;
  if (!r.attestation) {
    return {
      problems: [
        {
          kind: "unsigned",
          message: `${what} is not attested: no signed Statement covers it, so anyone with push access could have written it`,
          expected: `a Statement signed by a key or identity of ${trust.file} (publish and release with --signing-key, or in Actions with actions/attest)`
        }
      ],
      attested: []
    };
  }
  const expected = recordStatements(recordBody(r), r.attestation);
  const problems = [];
  const attested = [];
  const named = r.attestation.statements;
  const want = new Map(expected.map((s) => [s.predicateType, s]));
  for (const s of expected) {
    if (!named.some((n) => n.predicateType === s.predicateType)) {
      problems.push({
        kind: "unsigned",
        message: `${what} names no ${s.predicateType} Statement`,
        expected: `its attestation block names a ${s.predicateType} Statement`
      });
    }
  }
  for (const n of named) {
    const path = attestationPathBeside(ledgerPath, n.digest.slice(7));
    const exp = want.get(n.predicateType);
    const text = readBundle(path);
    if (text === void 0) {
      problems.push({
        kind: "missing",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but ${path} is not there`,
        expected: `its signed bundle at ${path}`
      });
      continue;
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${path} is not JSON (${err.message})`,
        expected: "a Sigstore bundle"
      });
      continue;
    }
    const v = verifyBundle(json, trust);
    if (!v.ok) {
      problems.push({
        kind: "untrusted",
        path,
        message: `${what}: ${path} is ${v.reason}`,
        expected: `a signature by a key or identity that ${trust.file} allows`
      });
      continue;
    }
    if (exp && n.digest !== statementDigest(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what} names the ${n.predicateType} Statement ${n.digest}, but the Statement built from the record is ${statementDigest(exp)}`,
        expected: "the digests of the Statements built from the record"
      });
      continue;
    }
    if (!exp || normalStatement(v.statement) !== normalStatement(exp)) {
      problems.push({
        kind: "mismatch",
        path,
        message: `${what}: the Statement ${path} signs is not this record's: ${exp ? statementDifference(v.statement, exp) : `no ${n.predicateType} Statement belongs to a ${r.action} record`}`,
        expected: "the Statement built from the record (its image and model digests, its predicate), byte for byte"
      });
      continue;
    }
    attested.push({ predicateType: n.predicateType, path, signer: v.signer });
  }
  return { problems, attested };
}

const require$4 = createRequire(import.meta.url);
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

// src/records/monitoring-check.ts
var D = /* @__PURE__ */ Symbol("defer");
var isObject$1 = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
var k0 = /^[0-9a-f]{64}$/;
var k1 = /^sha256:[0-9a-f]{64}$/;
function c0(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "name")) {
    v = x["name"];
    if (!(typeof v === "string")) return D;
    out["name"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(typeof v === "string")) return D;
    out["version"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "task")) {
    v = x["task"];
    if (!(v === "binary-classification" || v === "multiclass-classification" || v === "regression")) return D;
    out["task"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c1(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "record")) {
    v = x["record"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["record"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sequence")) {
    v = x["sequence"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["sequence"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "ledger")) {
    v = x["ledger"];
    if (!(typeof v === "string")) return D;
    out["ledger"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "stageTag")) {
    v = x["stageTag"];
    if (!(typeof v === "string")) return D;
    out["stageTag"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c2(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "version")) {
    v = x["version"];
    if (!(typeof v === "string")) return D;
    out["version"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "promotion")) {
    v = x["promotion"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["promotion"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sequence")) {
    v = x["sequence"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["sequence"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "stageTag")) {
    v = x["stageTag"];
    if (!(typeof v === "string")) return D;
    out["stageTag"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "from")) {
    v = x["from"];
    if (!(typeof v === "string")) return D;
    out["from"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "until")) {
    v = x["until"];
    if (!(typeof v === "string")) return D;
    out["until"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "scored")) {
    v = x["scored"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["scored"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c3(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c2(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c4(x) {
  if (!isObject$1(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out[k] = v;
  }
  return out;
}
function c5(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "since")) {
    v = x["since"];
    if (!(typeof v === "string")) return D;
    out["since"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "until")) {
    v = x["until"];
    if (!(typeof v === "string")) return D;
    out["until"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "labeled")) {
    v = x["labeled"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["labeled"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "skipped")) {
    v = c4(x["skipped"]);
    if (v === D) return D;
    out["skipped"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c6(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "path")) {
    v = x["path"];
    if (!(typeof v === "string")) return D;
    out["path"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "table" || v === "cloudevents" || v === "labels")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c7(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c6(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c8(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "dataset")) {
    v = x["dataset"];
    if (!(typeof v === "string")) return D;
    out["dataset"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sha256")) {
    v = x["sha256"];
    if (!(typeof v === "string" && k0.test(v))) return D;
    out["sha256"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  }
  if (Object.hasOwn(x, "evaluation")) {
    v = x["evaluation"];
    if (!(typeof v === "string" && k1.test(v))) return D;
    out["evaluation"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c9(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "reference")) {
    v = x["reference"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["reference"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "current")) {
    v = x["current"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["current"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c10(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "feature")) {
    v = x["feature"];
    if (!(typeof v === "string")) return D;
    out["feature"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "numeric" || v === "categorical")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "test")) {
    v = x["test"];
    if (!(v === "ks" || v === "chisquare" || v === "z" || v === "wasserstein" || v === "jensenshannon")) return D;
    out["test"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "statistic")) {
    v = x["statistic"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["statistic"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "pValue")) {
    v = x["pValue"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["pValue"] = v;
    present++;
  }
  if (Object.hasOwn(x, "adjustedPValue")) {
    v = x["adjustedPValue"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["adjustedPValue"] = v;
    present++;
  }
  if (Object.hasOwn(x, "threshold")) {
    v = x["threshold"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["threshold"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "drifted")) {
    v = x["drifted"];
    if (!(typeof v === "boolean")) return D;
    out["drifted"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = c9(x["rows"]);
    if (v === D) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c11(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c10(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c12(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string")) return D;
    out[i] = v;
  }
  return out;
}
function c13(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "status")) {
    v = x["status"];
    if (!(v === "checked" || v === "not-enough-rows")) return D;
    out["status"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "correction")) {
    v = x["correction"];
    if (!(v === "holm" || v === "bonferroni" || v === "benjamini-hochberg" || v === "none")) return D;
    out["correction"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "alpha")) {
    v = x["alpha"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["alpha"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "columns")) {
    v = c11(x["columns"]);
    if (v === D) return D;
    out["columns"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "drifted")) {
    v = x["drifted"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["drifted"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "notes")) {
    v = c12(x["notes"]);
    if (v === D) return D;
    out["notes"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c14(x) {
  if (!isObject$1(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = x[k];
    if (!(v === null || typeof v === "number" && Number.isFinite(v))) return D;
    out[k] = v;
  }
  return out;
}
function c15(x) {
  if (!Array.isArray(x) || x.length !== 2) return D;
  const out = new Array(2);
  let v;
  v = x[0];
  if (!(typeof v === "number" && Number.isFinite(v))) return D;
  out[0] = v;
  v = x[1];
  if (!(typeof v === "number" && Number.isFinite(v))) return D;
  out[1] = v;
  return out;
}
function c16(x) {
  if (!isObject$1(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = c15(x[k]);
    if (v === D) return D;
    out[k] = v;
  }
  return out;
}
function c17(x) {
  if (!isObject$1(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = c15(x[k]);
    if (v === D) return D;
    out[k] = v;
  }
  return out;
}
function c18(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "column")) {
    v = x["column"];
    if (!(typeof v === "string")) return D;
    out["column"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "value")) {
    v = x["value"];
    if (!(typeof v === "string")) return D;
    out["value"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "count")) {
    v = x["count"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["count"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "supported")) {
    v = x["supported"];
    if (!(typeof v === "boolean")) return D;
    out["supported"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metrics")) {
    v = c14(x["metrics"]);
    if (v === D) return D;
    out["metrics"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "intervals")) {
    v = c17(x["intervals"]);
    if (v === D) return D;
    out["intervals"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c19(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c18(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c20(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metrics")) {
    v = c14(x["metrics"]);
    if (v === D) return D;
    out["metrics"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "intervals")) {
    v = c16(x["intervals"]);
    if (v === D) return D;
    out["intervals"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "slices")) {
    v = c19(x["slices"]);
    if (v === D) return D;
    out["slices"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c21(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "method")) {
    v = x["method"];
    if (!(v === "CBPE")) return D;
    out["method"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "metrics")) {
    v = c14(x["metrics"]);
    if (v === D) return D;
    out["metrics"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c22(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "estimated")) {
    v = x["estimated"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["estimated"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "realized")) {
    v = x["realized"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["realized"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "difference")) {
    v = x["difference"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["difference"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c23(x) {
  if (!isObject$1(x)) return D;
  const out = {};
  let v;
  for (const k of Object.keys(x)) {
    if (k === "__proto__") return D;
    v = c22(x[k]);
    if (v === D) return D;
    out[k] = v;
  }
  return out;
}
function c24(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "p50_ms")) {
    v = x["p50_ms"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["p50_ms"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "p95_ms")) {
    v = x["p95_ms"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["p95_ms"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "p99_ms")) {
    v = x["p99_ms"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["p99_ms"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "rows")) {
    v = x["rows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v))) return D;
    out["rows"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c25(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "requests")) {
    v = x["requests"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["requests"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "errors")) {
    v = x["errors"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 0)) return D;
    out["errors"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "error_rate")) {
    v = x["error_rate"];
    if (!(v === null || typeof v === "number" && Number.isFinite(v))) return D;
    out["error_rate"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "latency")) {
    v = c24(x["latency"]);
    if (v === D) return D;
    out["latency"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c26(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = x[i];
    if (!(typeof v === "string")) return D;
    out[i] = v;
  }
  return out;
}
function c27(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "realized")) {
    v = c20(x["realized"]);
    if (v === D) return D;
    out["realized"] = v;
    present++;
  }
  if (Object.hasOwn(x, "estimated")) {
    v = c21(x["estimated"]);
    if (v === D) return D;
    out["estimated"] = v;
    present++;
  }
  if (Object.hasOwn(x, "comparison")) {
    v = c23(x["comparison"]);
    if (v === D) return D;
    out["comparison"] = v;
    present++;
  }
  if (Object.hasOwn(x, "operations")) {
    v = c25(x["operations"]);
    if (v === D) return D;
    out["operations"] = v;
    present++;
  }
  if (Object.hasOwn(x, "notes")) {
    v = c26(x["notes"]);
    if (v === D) return D;
    out["notes"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c28(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "gate")) {
    v = x["gate"];
    if (!(typeof v === "string")) return D;
    out["gate"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "status")) {
    v = x["status"];
    if (!(v === "pass" || v === "fail" || v === "warn" || v === "skip")) return D;
    out["status"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "basis")) {
    v = x["basis"];
    if (!(v === "realized" || v === "estimated" || v === "operations" || v === "none")) return D;
    out["basis"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "value")) {
    v = x["value"];
    if (!(typeof v === "number" && Number.isFinite(v))) return D;
    out["value"] = v;
    present++;
  }
  if (Object.hasOwn(x, "detail")) {
    v = x["detail"];
    if (!(typeof v === "string")) return D;
    out["detail"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c29(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c28(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c30(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "drift" || v === "performance" || v === "latency" || v === "errors")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "feature")) {
    v = x["feature"];
    if (!(typeof v === "string")) return D;
    out["feature"] = v;
    present++;
  }
  if (Object.hasOwn(x, "metric")) {
    v = x["metric"];
    if (!(typeof v === "string")) return D;
    out["metric"] = v;
    present++;
  }
  if (Object.hasOwn(x, "message")) {
    v = x["message"];
    if (!(typeof v === "string")) return D;
    out["message"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c31(x) {
  if (!Array.isArray(x)) return D;
  const out = new Array(x.length);
  let v;
  for (let i = 0; i < x.length; i++) {
    v = c30(x[i]);
    if (v === D) return D;
    out[i] = v;
  }
  return out;
}
function c32(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "modelgate")) {
    v = x["modelgate"];
    if (!(typeof v === "string")) return D;
    out["modelgate"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "onnxruntime")) {
    v = x["onnxruntime"];
    if (!(typeof v === "string")) return D;
    out["onnxruntime"] = v;
    present++;
  }
  if (Object.keys(x).length !== present) return D;
  return out;
}
function c33(x) {
  if (!isObject$1(x)) return D;
  let present = 0;
  let v;
  const out = {};
  if (Object.hasOwn(x, "apiVersion")) {
    v = x["apiVersion"];
    if (!(v === "modelgate.dev/v1alpha1")) return D;
    out["apiVersion"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "kind")) {
    v = x["kind"];
    if (!(v === "MonitoringRecord")) return D;
    out["kind"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "model")) {
    v = c0(x["model"]);
    if (v === D) return D;
    out["model"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "environment")) {
    v = x["environment"];
    if (!(typeof v === "string")) return D;
    out["environment"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "promotion")) {
    v = c1(x["promotion"]);
    if (v === D) return D;
    out["promotion"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "versions")) {
    v = c3(x["versions"]);
    if (v === D) return D;
    out["versions"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "window")) {
    v = c5(x["window"]);
    if (v === D) return D;
    out["window"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "sources")) {
    v = c7(x["sources"]);
    if (v === D) return D;
    out["sources"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "reference")) {
    v = c8(x["reference"]);
    if (v === D) return D;
    out["reference"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "minRows")) {
    v = x["minRows"];
    if (!(typeof v === "number" && Number.isFinite(v) && Number.isSafeInteger(v) && v >= 1)) return D;
    out["minRows"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "drift")) {
    v = c13(x["drift"]);
    if (v === D) return D;
    out["drift"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "performance")) {
    v = c27(x["performance"]);
    if (v === D) return D;
    out["performance"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "gates")) {
    v = c29(x["gates"]);
    if (v === D) return D;
    out["gates"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "alerts")) {
    v = c31(x["alerts"]);
    if (v === D) return D;
    out["alerts"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "verdict")) {
    v = x["verdict"];
    if (!(v === "ok" || v === "alert" || v === "not-enough-rows")) return D;
    out["verdict"] = v;
    present++;
  } else return D;
  if (Object.hasOwn(x, "runtime")) {
    v = c32(x["runtime"]);
    if (v === D) return D;
    out["runtime"] = v;
    present++;
  } else return D;
  if (Object.keys(x).length !== present) return D;
  return out;
}
function checkMonitoringRecord(input) {
  const v = c33(input);
  return v === D ? void 0 : v;
}

// src/audit/parsers.ts
var loaded;
var ParsersNotLoaded = class extends Error {
  constructor() {
    super("a manifest, overlay or monitoring record needs yaml or zod to be read: run the reading in withParsers");
    this.name = "ParsersNotLoaded";
  }
};
async function loadParsers() {
  if (loaded) return;
  const [{ manifestAt: manifestAt2 }, { readOverlayPin: readOverlayPin2 }, { monitoringRecordSchema }] = await Promise.all([
    import('./at-commit-TQPEZABA-CUCtJJ0O.js'),
    import('./render-6TWJVUI2-HyWbkRPd.js'),
    import('./monitoring-C3L3TGU7-Asz4zQgE.js'),
    import('./ledger-5GQDLMU3-BKH960i1.js')
  ]);
  loaded = { manifestAt: manifestAt2, readOverlayPin: readOverlayPin2, monitoringRecordSchema };
}
async function withParsers(read) {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof ParsersNotLoaded) && !(e instanceof SchemaNotLoaded)) throw e;
    await loadParsers();
    return await read();
  }
}
function manifestAt(commit, file, bytes, kind) {
  const plain = manifestWith(plainManifest, commit, file, bytes, kind);
  if (plain) return plain;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.manifestAt(commit, file, bytes, kind);
}
function readOverlayPin(text) {
  const fast = fastOverlayPin(text);
  if (fast !== DEFER) return fast;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.readOverlayPin(text);
}
function monitoringRecord(json) {
  const checked = checkMonitoringRecord(json);
  if (checked) return checked;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.monitoringRecordSchema.parse(json);
}

// src/audit/rules/context.ts
function finding(check, where2, message, expected) {
  return {
    check,
    model: where2.model ?? null,
    commit: where2.commit ?? null,
    tag: where2.tag ?? null,
    record: where2.entry ? { sequence: where2.entry.record.sequence, digest: where2.entry.digest } : where2.record ?? null,
    path: where2.path ?? null,
    message,
    expected
  };
}
var recordText = (e) => `record #${e.record.sequence} (${actionText(e.record)})`;
var commitText = (c) => `commit ${short(c.oid)} ("${c.subject}", ${c.author.name} <${c.author.email}>, ${c.committer.date})`;

// src/audit/rules/deploy.ts
var SAFE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
var pinMemos = /* @__PURE__ */ new WeakMap();
function pinMemo(scope) {
  let memo = pinMemos.get(scope);
  if (!memo) {
    memo = { pins: /* @__PURE__ */ new Map(), templates: /* @__PURE__ */ new Map(), byEnvironment: /* @__PURE__ */ new Map() };
    pinMemos.set(scope, memo);
  }
  return memo;
}
function pinOfText(scope, text) {
  const { pins } = pinMemo(scope);
  if (pins.has(text)) return pins.get(text);
  const pin = readOverlayPin(text);
  pins.set(text, pin);
  return pin;
}
function pinsExactly(facts, key, text, want) {
  return confirmsPin(facts.blobs, key, text, want);
}
function confirmsPin(scope, key, text, want) {
  const memo = pinMemo(scope);
  const own = memo.templates.get(key);
  if (own !== void 0 && fillTemplate(own, want) === text) return true;
  const [model, env] = splitKey(key);
  const shared = env === void 0 ? void 0 : memo.byEnvironment.get(env);
  const pinned = shared !== void 0 && isModelName(model) && fillTemplate(shared, want)?.replaceAll(NAME_HOLE, model) === text || parsedPins(scope, text, want);
  if (!pinned) return false;
  const template = templateOf(text, want);
  if (template === void 0) return true;
  memo.templates.set(key, template);
  if (env !== void 0 && !memo.byEnvironment.has(env)) {
    const named = namedTemplate(template, model);
    if (named !== void 0) memo.byEnvironment.set(env, named);
  }
  return true;
}
var splitKey = (key) => {
  const slash = key.indexOf("/");
  return slash < 0 ? [key, void 0] : [key.slice(0, slash), key.slice(slash + 1)];
};
var NAME_HOLE = "\0name\0";
function namedTemplate(template, model) {
  if (!isModelName(model)) return void 0;
  const named = template.replaceAll(`name: ${model}
`, `name: ${NAME_HOLE}
`);
  return named !== template && !named.includes(model) ? named : void 0;
}
function parsedPins(scope, text, want) {
  const pin = pinOfText(scope, text);
  return pin?.image === want.image && pin.record === want.record && pin.version === want.version;
}
var pinValues = (p) => [p.image, p.record, p.version];
var HOLES = ["\0image\0", "\0record\0", "\0version\0"];
var templateParts = /* @__PURE__ */ new Map();
function partsOf(template) {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\u0000(image|record|version)\u0000/).map((p, i) => i % 2 === 1 ? HOLES.indexOf(`\0${p}\0`) : p);
    if (templateParts.size >= 1024) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}
function fillTemplate(template, want) {
  const fill = pinValues(want);
  if (!fill.every((x) => SAFE_TOKEN.test(x))) return void 0;
  let text = "";
  for (const p of partsOf(template)) text += typeof p === "number" ? fill[p] : p;
  return text;
}
function templateOf(text, want) {
  const v = pinValues(want);
  const distinct = v.every((x, i) => SAFE_TOKEN.test(x) && v.every((y, j) => i === j || !y.includes(x)));
  if (!distinct || text.includes("\0")) return void 0;
  return text.replaceAll(want.image, HOLES[0]).replaceAll(want.record, HOLES[1]).replaceAll(want.version, HOLES[2]);
}
function overlayWrites(snap, views) {
  const byModel = new Map(views.map((v) => [v.model, v]));
  const out = [];
  for (const c of snap.commits) {
    for (const ch of c.changes) {
      const o = overlayOf(snap, ch.path);
      const view = o && byModel.get(o.model);
      if (!o || !view || ZERO.test(ch.newOid)) continue;
      const own = (view.byCommit.get(c.oid) ?? []).find((a) => a.record?.environment === o.env);
      const r = own?.record;
      const want = r && own.digest ? { image: r.image.reference, version: r.model.version, record: own.digest } : void 0;
      out.push({ oid: ch.newOid, key: `${o.model}/${o.env}`, want });
    }
  }
  return out;
}
function knownOverlays(writes, blobs, format) {
  const templates = /* @__PURE__ */ new Map();
  const known = /* @__PURE__ */ new Map();
  for (const w of writes) {
    if (!w.want) continue;
    if (!templates.has(w.key)) {
      const text2 = blobs.get(w.oid)?.toString("utf8");
      const pins = text2 !== void 0 && confirmsPin(blobs, w.key, text2, w.want);
      templates.set(w.key, pins ? templateOf(text2, w.want) : void 0);
      continue;
    }
    const template = templates.get(w.key);
    const text = template === void 0 ? void 0 : fillTemplate(template, w.want);
    if (text === void 0) continue;
    const bytes = Buffer.from(text, "utf8");
    if (gitBlobId(bytes, format) === w.oid) known.set(w.oid, bytes);
  }
  return known;
}
function firstOverlays(writes) {
  const keys = /* @__PURE__ */ new Set();
  const out = [];
  for (const w of writes) {
    if (w.want && keys.has(w.key)) continue;
    if (w.want) keys.add(w.key);
    out.push(w.oid);
  }
  return out;
}
var deployEditsByModelgate = (facts, c) => {
  const out = [];
  for (const ch of c.changes) out.push(...deployChange(facts, c, ch));
  return out;
};
var did = (ch) => ch.status.startsWith("D") ? "deleted" : ch.status.startsWith("A") ? "added" : "changed";
function outsideModels(facts, c, ch, model) {
  const root = facts.snap.config.deploy;
  if (model === void 0) {
    return [
      finding(
        "deploy-edit",
        { commit: c.oid, path: ch.path },
        `${commitText(c)} ${did(ch)} ${ch.path}, a file directly under ${root}/ that no promotion record explains (a kustomization there can patch the image of every model's overlays)`,
        `nothing under ${root}/ but the folders of models, each written by modelgate`
      )
    ];
  }
  if (facts.ledgerModels.has(model)) return [];
  return [
    finding(
      "deploy-edit",
      { model, commit: c.oid, path: ch.path },
      `${commitText(c)} ${did(ch)} ${ch.path}, in ${root}/${model}/, the folder of a model that has no promotion ledger: no record put anything there`,
      `a folder under ${root}/ only for a model whose promotions ${facts.snap.config.records}/${model}/promotions.jsonl records`
    )
  ];
}
function deployChange(facts, c, ch) {
  const { snap } = facts;
  const d = deployPathOf(snap, ch.path);
  if (!d) return ch.path.startsWith(`${snap.config.deploy}/`) ? outsideModels(facts, c, ch, void 0) : [];
  const view = facts.views.get(d.model);
  if (!view) return outsideModels(facts, c, ch, d.model);
  const mine = (view.byCommit.get(c.oid) ?? []).filter((a) => a.record);
  const text = ch.newOid && !/^0+$/.test(ch.newOid) ? facts.blobs.get(ch.newOid)?.toString("utf8") : void 0;
  let parsedPin = null;
  const pinOf = () => {
    if (parsedPin === null) parsedPin = d.env && text !== void 0 ? pinOfText(facts.blobs, text) : void 0;
    return parsedPin;
  };
  const where2 = { model: d.model, commit: c.oid, path: ch.path };
  if (mine.length === 0) {
    return [
      finding(
        "deploy-edit",
        where2,
        `${commitText(c)} ${did(ch)} ${ch.path}${pinOf() ? ` (it pins ${pinOf()?.image}${pinOf()?.record ? `, claiming record ${pinOf()?.record}` : ""})` : ""} without a promotion record: a change made outside modelgate`,
        `every change to ${snap.config.deploy}/${d.model}/ made by the modelgate commit that appends the record behind it`
      )
    ];
  }
  const gitops = /^gitops\/[^/]+\.yaml$/.test(d.file);
  if (d.base || gitops) {
    if (mine.some((a) => a.record?.action === "publish")) return [];
    const what = gitops ? "the GitOps objects" : "the base";
    return [
      finding(
        "deploy-edit",
        where2,
        `${commitText(c)} changed ${ch.path}, but it appends no publish record (only publish writes ${what})`,
        `${what} changed only by publish`
      )
    ];
  }
  if (!d.env || d.file !== "kustomization.yaml") {
    return [
      finding(
        "deploy-edit",
        where2,
        `${commitText(c)} wrote ${ch.path}, a file modelgate never writes`,
        `only ${snap.config.deploy}/${d.model}/base/, overlays/<environment>/kustomization.yaml and gitops/<environment>.yaml, written by modelgate`
      )
    ];
  }
  const own = mine.find((a) => a.record?.environment === d.env);
  if (!own?.record) {
    if (ch.status.startsWith("A") && !pinOf()) return [];
    return [
      finding(
        "deploy-edit",
        where2,
        `${commitText(c)} changed the ${d.env} overlay${pinOf() ? ` to ${pinOf()?.image}` : ""}, but its record promotes to ${mine.map((a) => a.record?.environment).join(", ")}`,
        `the ${d.env} overlay changed only by a promotion to ${d.env}`
      )
    ];
  }
  const r = own.record;
  const want = { image: r.image.reference, version: r.model.version, record: own.digest };
  const wrong = [];
  const pin = text !== void 0 && pinsExactly(facts, `${d.model}/${d.env}`, text, want) ? want : pinOf();
  if (ch.status.startsWith("D")) wrong.push("it deleted the overlay");
  else if (!pin) wrong.push("the overlay pins no image");
  else {
    if (pin.image !== r.image.reference) wrong.push(`it pins ${pin.image}, the record ${r.image.reference}`);
    if (pin.record !== own.digest) wrong.push(`it names record ${pin.record ?? "(none)"}, not ${own.digest}`);
    if (pin.version !== r.model.version)
      wrong.push(`it names version ${pin.version ?? "(none)"}, not ${r.model.version}`);
  }
  if (!wrong.length) return [];
  return [
    finding(
      "overlay-pin",
      where2,
      `${commitText(c)} appended record #${r.sequence}, but the ${d.env} overlay it wrote does not match it: ${wrong.join("; ")}`,
      `the overlay pinned to ${r.image.reference}, version ${r.model.version}, record ${own.digest}`
    )
  ];
}

// src/audit/rules/monitoring.ts
var pathRe = /* @__PURE__ */ new Map();
function monitoringPathOf(snap, path) {
  const records = snap.config.records;
  let re = pathRe.get(records);
  if (!re) {
    re = new RegExp(`^${escapeRe(records)}/([^/]+)/monitoring/([^/]+)\\.json$`);
    pathRe.set(records, re);
  }
  const m = re.exec(path);
  return m ? { model: m[1], hex: m[2] } : void 0;
}
var written = (status, newOid) => status !== "D" && !ZERO.test(newOid);
function monitoringWrites(snap, views) {
  const models = new Set(views.map((v) => v.model));
  return snap.commits.flatMap(
    (c) => c.changes.filter((ch) => {
      const p = monitoringPathOf(snap, ch.path);
      return p !== void 0 && models.has(p.model) && written(ch.status, ch.newOid);
    })
  );
}
var monitoringReads = (snap, views) => monitoringWrites(snap, views).map((ch) => ch.newOid);
var monitoringRecordPaths = (snap, views) => [
  ...new Set(monitoringWrites(snap, views).map((ch) => ch.path))
];
var monitoringBound = (facts, c) => {
  const out = [];
  for (const ch of c.changes) {
    const p = monitoringPathOf(facts.snap, ch.path);
    const view = p && facts.views.get(p.model);
    if (!p || !view || !written(ch.status, ch.newOid)) continue;
    const where2 = { model: p.model, commit: c.oid, path: ch.path };
    const bad = (message, expected) => finding("monitoring-binding", where2, `${commitText(c)} wrote ${ch.path}: ${message}`, expected);
    const bytes = facts.blobs.get(ch.newOid);
    if (!bytes) {
      out.push(bad("git has no such object", "the monitoring record's bytes in the history"));
      continue;
    }
    const digest = sha256Of(bytes);
    if (digest !== `sha256:${p.hex}`) {
      out.push(
        bad(
          `its bytes hash to ${digest}, not the digest its name gives`,
          "a monitoring record named by the sha256 of its bytes (records are never edited: a new run writes a new one)"
        )
      );
      continue;
    }
    let record;
    try {
      record = monitoringRecord(JSON.parse(bytes.toString("utf8")));
    } catch (err) {
      if (err instanceof ParsersNotLoaded) throw err;
      out.push(
        bad(
          `not a monitoring record (${err.message.split("\n")[0]})`,
          "valid against schemas/monitoring-record.schema.json"
        )
      );
      continue;
    }
    if (record.model.name !== p.model) {
      out.push(bad(`a record of model ${record.model.name}`, `only records of ${p.model} under its folder`));
      continue;
    }
    const cited = [
      {
        promotion: record.promotion.record,
        version: record.model.version,
        sha256: record.model.sha256,
        what: "the promotion it watched"
      },
      ...record.versions.map((v) => ({
        promotion: v.promotion,
        version: v.version,
        sha256: v.sha256,
        what: "a version it saw serve"
      }))
    ];
    const seen = /* @__PURE__ */ new Set();
    for (const x of cited) {
      if (seen.has(x.promotion)) continue;
      seen.add(x.promotion);
      const entry = view.entries.find((e) => e.digest === x.promotion);
      if (!entry) {
        out.push(
          bad(
            `${x.what}, promotion record ${short(x.promotion.slice(7))}, is not in ${view.path}`,
            `a monitoring record cites promotion records of ${view.path}`
          )
        );
        continue;
      }
      const r = entry.record;
      const deployed = (r.action === "release" || r.action === "rollback" || r.action === "publish") && r.environment;
      if (deployed !== record.environment || r.model.version !== x.version || r.model.sha256 !== x.sha256) {
        out.push(
          bad(
            `it names ${p.model} ${x.version} (model sha256 ${x.sha256.slice(0, 12)}) in ${record.environment}, but ${x.what}, ${recordText(entry)}, deployed ${r.model.version} (${r.model.sha256.slice(0, 12)}) to ${r.environment}`,
            "the version and environment of the promotion record it cites"
          )
        );
      }
    }
  }
  return out;
};

// src/audit/rules/approvals.ts
var approvedHead = (_facts, { view, entry }) => {
  const r = entry.record;
  if (r.action !== "publish") return [];
  const where2 = { model: view.model, entry, commit: r.pullRequest?.head };
  if (!r.pullRequest) {
    return [
      finding(
        "approval",
        where2,
        `${recordText(entry)} names no pull request, so nothing records a review of what was published`,
        "the pull request, its evaluated head commit, and approvals of that commit"
      )
    ];
  }
  const pr = r.pullRequest;
  const out = [];
  const onHead = r.approvals.filter((a) => a.commit === pr.head && a.reviewer !== pr.author);
  if (onHead.length === 0) {
    out.push(
      finding(
        "approval",
        where2,
        `${recordText(entry)}: no approval of the evaluated head ${short(pr.head)} of pull request #${pr.number} is recorded${r.approvals.length ? ` (recorded: ${r.approvals.map((a) => `${a.reviewer} on ${short(a.commit)}`).join(", ")})` : " (the record holds no approval at all)"}`,
        `an approval by a reviewer other than the author (${pr.author}) of commit ${short(pr.head)}`
      )
    );
  }
  for (const a of r.approvals) {
    if (a.commit !== pr.head) {
      out.push(
        finding(
          "approval",
          where2,
          `${recordText(entry)}: the approval by ${a.reviewer} (review ${a.reviewId}) is of commit ${short(a.commit)}, not of the evaluated head ${short(pr.head)}`,
          "approvals only of the exact commit that was evaluated"
        )
      );
    } else if (a.reviewer === pr.author) {
      out.push(
        finding(
          "approval",
          where2,
          `${recordText(entry)}: ${a.reviewer} approved their own pull request #${pr.number}`,
          "approvals by reviewers other than the author"
        )
      );
    }
  }
  return out;
};

// src/audit/rules/card.ts
var digestOf2 = (bytes) => bytes === void 0 ? void 0 : sha256Of(bytes).slice(7);
function cardReads(tip, view, publishedBy) {
  const names = [];
  const last = lastCard(view.entries);
  if (last?.record.card) names.push(`${tip}:${last.record.card.path}`);
  if (publishedBy)
    for (const e of view.entries) {
      const commit = e.record.card && publishedBy(e);
      if (commit && e.record.card) names.push(`${commit}:${e.record.card.path}`);
    }
  return names;
}
function lastCard(entries) {
  const last = entries.filter((e) => e.record.action === "publish").at(-1);
  return last?.record.card ? last : void 0;
}
var cardAtPublish = (facts, { view, entry, added }) => {
  const card = entry.record.card;
  if (entry.record.action !== "publish" || !card || !added || added.tampered) return [];
  const got = digestOf2(facts.blobs.get(`${added.commit}:${card.path}`));
  if (got === card.sha256) return [];
  return [
    finding(
      "card-binding",
      { model: view.model, entry, commit: added.commit, path: card.path },
      `${recordText(entry)} binds ${card.path} with sha256 ${card.sha256}, but the commit that published it, ${short(added.commit)}, holds ${got ? `a card with sha256 ${got}` : "no such file"}`,
      "the card publish wrote, with the digest its record names"
    )
  ];
};
var cardKept = (facts, view) => {
  const last = lastCard(view.entries);
  const card = last?.record.card;
  if (!last || !card) return [];
  const { snap } = facts;
  const got = digestOf2(facts.blobs.get(`${snap.tip}:${card.path}`));
  if (got === card.sha256) return [];
  const published = view.added.get(view.lines[last.line - 1] ?? "")?.commit;
  const from = snap.commits.findIndex((c) => c.oid === published);
  const since = snap.commits.slice(from + 1).filter((c) => c.oid !== published && c.changes.some((ch) => ch.path === card.path));
  return [
    finding(
      "card-edit",
      { model: view.model, entry: last, path: card.path, commit: since.at(-1)?.oid },
      `${card.path} at ${snap.ref} ${got ? `has sha256 ${got}` : "is gone"}, but ${recordText(last)}, the last publish, bound the card with sha256 ${card.sha256}${since.length ? `; changed since by ${since.map(commitText).join(", ")}` : ""}`,
      "the model card as the last publish wrote it: edit it through a pull request that publishes the model"
    )
  ];
};

// src/audit/rules/config.ts
var settingsOf = (c) => ({
  paths: { records: c.records, deploy: c.deploy, models: c.models, data: c.data },
  gitops: c.gitops
});
function settingsAt(commit, bytes) {
  return settingsOf(configFrom(manifestAt(commit, CONFIG_PATH, bytes, "Config")));
}
function settingsDiff(a, b) {
  const out = [];
  const show = (v) => v ?? "(unset)";
  for (const k of ["records", "deploy", "models", "data"])
    if (a.paths[k] !== b.paths[k]) out.push(`paths.${k} from ${a.paths[k]} to ${b.paths[k]}`);
  for (const k of ["remote", "branch"])
    if (a.gitops[k] !== b.gitops[k]) out.push(`gitops.${k} from ${show(a.gitops[k])} to ${show(b.gitops[k])}`);
  return out;
}
var configChangeOf = (c) => c.changes.find((ch) => ch.path === CONFIG_PATH);
function configReads(snap, views) {
  const names = [];
  let changed = false;
  for (const c of snap.commits) {
    const ch = configChangeOf(c);
    if (!ch) continue;
    for (const oid of [ch.oldOid, ch.newOid]) if (!ZERO.test(oid)) names.push(oid);
    const parent = c.parents[0];
    if (!parent) continue;
    changed = true;
    for (const dir of /* @__PURE__ */ new Set([snap.config.records, "records"])) names.push(`${parent}:${dir}`);
  }
  if (!changed) return names;
  for (const v of views)
    for (const { record: r } of v.entries) {
      const head = reviewedHead(r);
      if (head) names.push(`${head}:${CONFIG_PATH}`, `${r.source}^1:${CONFIG_PATH}`);
    }
  return names;
}
function reviewedHead(r) {
  const pr = r.pullRequest;
  const ok = r.action === "publish" && pr && r.approvals.some((a) => a.commit === pr.head && a.reviewer !== pr.author);
  return ok ? pr.head : void 0;
}
var same = (a, b) => settingsDiff(a, b).length === 0;
var configChangeReviewed = (facts, c) => {
  const ch = configChangeOf(c);
  if (!ch) return [];
  const read = (oid) => ZERO.test(oid) ? void 0 : facts.blobs.get(oid);
  const before = settingsAt(c.parents[0] ?? c.oid, read(ch.oldOid));
  const after = settingsAt(c.oid, read(ch.newOid));
  const diff = settingsDiff(before, after);
  if (diff.length === 0) return [];
  const parent = c.parents[0];
  if (!parent) return [];
  const ledgersBefore = `${parent}:${before.paths.records}`;
  if (facts.blobs.has(ledgersBefore) && facts.blobs.get(ledgersBefore) === void 0) return [];
  for (const v of facts.views.values())
    for (const { record: r } of v.entries) {
      const head = reviewedHead(r);
      const atHead = head === void 0 ? void 0 : facts.blobs.get(`${head}:${CONFIG_PATH}`);
      if (head === void 0 || atHead === void 0) continue;
      const base = facts.blobs.get(`${r.source}^1:${CONFIG_PATH}`);
      if (same(settingsAt(head, atHead), after) && same(settingsAt(r.source, base), before)) return [];
    }
  return [
    finding(
      "config-change",
      { commit: c.oid, path: CONFIG_PATH },
      `${commitText(c)} changed ${CONFIG_PATH}: ${diff.join(", ")}. These settings decide which files audit verify reads, and no reviewed change verify can see made this one (no publish record holds an approval of a pull request whose head has the new settings and whose merge landed on the old)`,
      "spec.paths and spec.gitops changed only by a reviewed pull request that a publish record records (approved head with the new settings, merged onto the old)"
    )
  ];
};

// src/audit/rules/attestations.ts
var recordAttested = (facts, { view, entry }) => {
  const trust = facts.trust;
  if (!trust) return [];
  const read = (path) => facts.blobs.get(`${facts.snap.tip}:${path}`)?.toString("utf8");
  const { problems } = checkRecordAttestationWith(facts.verifyBundle, view.path, entry, read, trust);
  return problems.map(
    (p) => finding(
      p.kind === "mismatch" ? "attestation-mismatch" : p.kind === "untrusted" ? "attestation-untrusted" : "attestation-missing",
      { model: view.model, entry, path: p.path ?? view.path },
      p.message,
      p.expected
    )
  );
};
var imagesAttested = (facts) => {
  const trust = facts.trust;
  if (!trust || !facts.images) return [];
  const out = [];
  for (const probe of facts.images) {
    if (probe.missing !== void 0 || probe.bundles === void 0) continue;
    const expected = /* @__PURE__ */ new Set();
    for (const view of facts.views.values())
      for (const e of view.entries)
        if (e.record.image.reference === probe.reference && e.record.attestation)
          for (const st of recordStatements(recordBody(e.record), e.record.attestation))
            expected.add(normalStatement(st));
    const reasons = [];
    const ok = probe.bundles.some((text) => {
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        reasons.push("a referrer that is not JSON");
        return false;
      }
      const v = facts.verifyBundle(json, trust);
      if (!v.ok) reasons.push(v.reason);
      else if (!expected.has(normalStatement(v.statement)))
        reasons.push("a valid signature over a Statement no record of this image makes");
      return v.ok && expected.has(normalStatement(v.statement));
    });
    if (ok) continue;
    out.push(
      finding(
        "attestation-missing",
        { model: probe.model, record: { sequence: probe.sequence, digest: probe.recordDigest } },
        `${probe.reference} carries no attestation from a signer ${trust.file} allows among its ${probe.bundles.length} Sigstore bundle referrer${probe.bundles.length === 1 ? "" : "s"}${reasons.length ? ` (${[...new Set(reasons)].join("; ")})` : ""}`,
        "a bundle attached to the image, signed by an allowed signer, over a Statement of a record that names it"
      )
    );
  }
  return out;
};

// src/audit/rules/commits.ts
var recordAppendedByModelgate = (facts, { view, entry, added, commit }) => {
  const { snap } = facts;
  if (!added) {
    return [
      finding(
        "record-commit",
        { model: view.model, entry, path: view.path },
        `${recordText(entry)} is in ${view.path} at ${snap.ref}, but no commit of its history appended it`,
        "each record appended by the modelgate commit that made the promotion"
      )
    ];
  }
  const identity = snap.config.identity;
  if (!commit || added.tampered || commit.author.email === identity.email) return [];
  return [
    finding(
      "record-commit",
      { model: view.model, entry, commit: commit.oid },
      `${recordText(entry)} was appended by ${commitText(commit)}, not by modelgate's identity ${identity.name} <${identity.email}>`,
      `records appended by ${identity.name} <${identity.email}> (modelgate.yaml spec.identity)`
    )
  ];
};
function approversOf(r) {
  if (r.action === "publish") return r.approvals.map((a) => a.reviewer);
  return (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => a.user);
}
var recordTrailersMatch = (_facts, { view, entry, added, commit }) => {
  if (!added || !commit || added.tampered) return [];
  const wrong = [];
  for (const [k, v] of promotionTrailers(entry.record, entry.digest)) {
    const got = commit.trailers.get(k) ?? [];
    if (!got.includes(v)) wrong.push(`${k}: ${got.length ? got.join(", ") : "(missing)"}, expected ${v}`);
  }
  const named = (commit.trailers.get("Approved-by") ?? []).map((v) => v.replace(/\s*\(.*$/, "").trim()).sort();
  const recorded = approversOf(entry.record).sort();
  if (named.join(",") !== recorded.join(",")) {
    wrong.push(
      `Approved-by names ${named.length ? named.join(", ") : "nobody"}, but the record holds approvals by ${recorded.length ? recorded.join(", ") : "nobody"}`
    );
  }
  if (!wrong.length) return [];
  return [
    finding(
      "record-trailers",
      { model: view.model, commit: commit.oid, entry },
      `${commitText(commit)} appended ${recordText(entry)}, but its trailers do not describe it: ${wrong.join("; ")}`,
      "the commit that appends a record carries trailers naming exactly that record, its image, stage tag and approvals"
    )
  ];
};
var sourceInHistory = (facts, { view, entry }) => {
  const { snap } = facts;
  const r = entry.record;
  if (!snap.reachable || snap.reachable.has(r.source)) return [];
  return [
    finding(
      "source-missing",
      { model: view.model, entry, commit: r.source },
      `${recordText(entry)} ${r.action === "publish" ? "published the merged commit" : "released the version's commit"} ${short(r.source)}, which is not in the history of ${snap.ref}: the history was rewritten under the record`,
      `commit ${r.source} in the history of ${snap.ref}`
    )
  ];
};
var appendedIndex = /* @__PURE__ */ new WeakMap();
function appendedBy(facts) {
  let index = appendedIndex.get(facts);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const v of facts.views.values()) {
      for (const [oid, adds] of v.byCommit) {
        const set = index.get(oid) ?? /* @__PURE__ */ new Set();
        for (const a of adds) if (a.digest !== void 0) set.add(a.digest);
        index.set(oid, set);
      }
    }
    appendedIndex.set(facts, index);
  }
  return index;
}
var noTrailersWithoutRecord = (facts, c) => {
  const named = c.trailers.get("Promotion-Record") ?? [];
  if (!named.length) return [];
  const { snap, views } = facts;
  const appended = appendedBy(facts).get(c.oid);
  const out = [];
  for (const d of named) {
    if (appended?.has(d)) continue;
    const touched = new Set(c.changes.map((ch) => deployPathOf(snap, ch.path)?.model).filter(Boolean));
    if ([...touched, ...c.trailers.get("Model") ?? []].some((m) => views.has(m))) {
      out.push(
        finding(
          "trailers-without-record",
          { model: (c.trailers.get("Model") ?? [])[0], commit: c.oid },
          `${commitText(c)} carries modelgate's trailers (Promotion-Record ${d}${c.trailers.get("Approved-by")?.length ? `, Approved-by ${c.trailers.get("Approved-by")?.join("; ")}` : ""}), but appends no such record to a ledger: the trailers claim a promotion, review and approval that nothing records`,
          "modelgate's trailers only on the commit that appends the record they name"
        )
      );
    }
  }
  return out;
};

// src/audit/rules/evaluation.ts
var hex = (d) => d.replace(/^sha256:/, "");
var lastRead = /* @__PURE__ */ new WeakMap();
function evaluationAt(facts, path) {
  const last = lastRead.get(facts);
  if (last?.path === path) return last.read;
  const buf = facts.blobs.get(`${facts.snap.tip}:${path}`);
  const read = buf ? { found: true, digest: digestOf(buf), ...readEvaluation(buf) } : { found: false };
  lastRead.set(facts, { path, read });
  return read;
}
function evaluationOf(facts, at) {
  const r = at.entry.record;
  const answer = facts.evaluations?.get(at.entry.digest);
  if (!answer) return { read: evaluationAt(facts, r.evaluation.path) };
  const buf = facts.blobs.get(`${facts.snap.tip}:${r.evaluation.path}`);
  if (answer.found === false || !buf && answer.sha256 === void 0) return { read: { found: false } };
  const error = answer.error === void 0 ? {} : { error: answer.error };
  return { read: { found: true, digest: answer.sha256 ?? digestOf(buf), ...error }, answer };
}
var where = ({ view, entry }) => ({ model: view.model, entry, path: entry.record.evaluation.path });
var evaluationAtItsAddress = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const want = evaluationCopyPath(facts.snap.config.records, at.view.model, hex(r.evaluation.record));
  if (r.evaluation.path === want) return [];
  return [
    finding(
      "evaluation-missing",
      where(at),
      `${recordText(at.entry)} keeps its evaluation record at ${r.evaluation.path}, not at its content address ${want}`,
      `the evaluation record at ${want}`
    )
  ];
};
function unreadable(facts, at, read) {
  const { snap } = facts;
  const r = at.entry.record;
  if (!read.found) {
    return finding(
      "evaluation-missing",
      where(at),
      `${recordText(at.entry)} cites the evaluation record ${r.evaluation.record}, but ${r.evaluation.path} is not in git at ${snap.ref} (${short(snap.tip)})`,
      "the evaluation record kept in git at the path the record names, with the digest it names"
    );
  }
  if (read.digest !== r.evaluation.record) {
    return finding(
      "evaluation-binding",
      where(at),
      `${r.evaluation.path} has digest ${read.digest}, but ${recordText(at.entry)} cites ${r.evaluation.record}: the evaluation record was changed after it was published`,
      `the bytes whose sha256 is ${r.evaluation.record}`
    );
  }
  if (read.error !== void 0)
    return finding("evaluation-missing", where(at), `${r.evaluation.path}: ${read.error}`, "a valid evaluation record");
  return void 0;
}
var evaluationBound = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const { read, answer } = evaluationOf(facts, at);
  const gap = unreadable(facts, at, read);
  if (gap) return [gap];
  const wrong = answer && answer.error === void 0 ? answer.wrong : bindingGaps(r, read.record, facts.manifests.get(at.entry.digest));
  if (!wrong.length) return [];
  return [
    finding(
      "evaluation-binding",
      where(at),
      `${recordText(at.entry)} and its evaluation record ${r.evaluation.record} disagree: ${wrong.join("; ")}`,
      "the evaluation record evaluated exactly the artifact, version and data that were published"
    )
  ];
};
function verdictOf(facts, at) {
  const manifest = facts.manifests.get(at.entry.digest);
  if (!manifest) return void 0;
  const { read, answer } = evaluationOf(facts, at);
  if (read.digest !== at.entry.record.evaluation.record || read.error !== void 0) return void 0;
  if (answer && answer.error === void 0) return answer.judged;
  return read.record ? judgeEvaluation(read.record, manifest) : void 0;
}
var evaluationVerdict = (facts, at) => {
  const r = at.entry.record;
  if (r.action !== "publish") return [];
  const verdict = verdictOf(facts, at);
  if (!verdict) return [];
  if ("error" in verdict) {
    return [
      finding(
        "evaluation-verdict",
        where(at),
        `${recordText(at.entry)}: its evaluation record cannot be judged against the manifest at ${short(r.source)}: ${verdict.error}`,
        "an evaluation record its gates can be judged on"
      )
    ];
  }
  const failing = verdict.results.filter((g) => g.status === "fail");
  const claimed = new Map(r.evaluation.gates.map((g) => [g.gate, g.status]));
  const differs = verdict.results.filter(
    (g) => g.index >= 0 && claimed.has(g.label) && claimed.get(g.label) !== g.status
  );
  if (!failing.length && !differs.length) return [];
  return [
    finding(
      "evaluation-verdict",
      where(at),
      `${recordText(at.entry)} published ${r.model.version} with verdict ${r.evaluation.verdict}, but its evaluation record judged against the manifest at ${short(r.source)} gives ${[
        ...failing.map((g) => `${g.label}: fail (${g.reason})`),
        ...differs.filter((g) => g.status !== "fail").map((g) => `${g.label}: ${g.status}, the record says ${claimed.get(g.label)}`)
      ].join("; ")}`,
      "every gate passed (or warned, where the policy allows) on the evaluation record that was published"
    )
  ];
};

// src/audit/rules/ledger.ts
var ledgerLinesReadable = (_facts, v) => v.problems.map(
  (p) => finding(
    "ledger-unreadable",
    { model: v.model, path: `${v.path}:${p.line}` },
    `${v.path} line ${p.line}: ${p.message}`,
    "one promotion record per line, valid against schemas/promotion-record.schema.json, in canonical JSON (RFC 8785)"
  )
);
var ledgerChained = (_facts, v) => v.chain.map(
  (p) => finding(
    "ledger-chain",
    { model: v.model, path: `${v.path}:${p.line}`, entry: v.entries.find((x) => x.line === p.line) },
    `${v.path} line ${p.line}: the hash chain is broken: ${p.message}`,
    "each record's sequence one above the last, and its previous the digest of the record before it"
  )
);
var ledgerOnlyAppended = (facts, v) => v.rewrites.map((w) => {
  const c = facts.snap.byOid.get(w.commit);
  return finding(
    "ledger-rewritten",
    { model: v.model, commit: w.commit, path: v.path },
    `${c ? commitText(c) : `commit ${short(w.commit)}`}: ${w.message}`,
    w.expected
  );
});
var recordOfItsModel = (_facts, { view, entry }) => entry.record.model.name === view.model ? [] : [
  finding(
    "record-model",
    { model: view.model, entry, path: view.path },
    `${recordText(entry)} in ${view.path} is a record of model ${entry.record.model.name}`,
    `only records of ${view.model} in ${view.path}`
  )
];

// src/audit/rules/approval-source.ts
function approvalsFromGitHub(view, environments) {
  const out = [];
  for (const e of view.entries) {
    const r = e.record;
    if (r.action === "publish" || r.release?.approvalSource?.from !== "facts-file") continue;
    const env = environments.find((x) => x.name === r.environment);
    if (!env?.requiresApproval || env.offlineReleases) continue;
    out.push({
      check: "approval-source",
      model: view.model,
      commit: r.source,
      tag: r.stageTag,
      record: { sequence: r.sequence, digest: e.digest },
      path: view.path,
      message: `${view.path}: record #${r.sequence} (${r.action} ${r.model.version} to ${r.environment}) holds environment approvals from a facts file, and ${r.environment} requires approval`,
      expected: `approvals of ${r.environment} read from GitHub by the release workflow's run, or modelgate.yaml spec.environments[${r.environment}].offlineReleases: true`
    });
  }
  return out;
}

// src/audit/rules/registry.ts
var imagesInRegistry = (facts) => (facts.images ?? []).flatMap(
  (i) => i.missing === void 0 ? [] : [
    finding(
      "image-missing",
      { model: i.model, record: { sequence: i.sequence, digest: i.recordDigest } },
      `${i.reference} (first named by record #${i.sequence}): ${i.missing}`,
      "every image a record names still in its registry, by digest"
    )
  ]
);
var referrersAttached = (facts) => (facts.referrers ?? []).flatMap(
  (p) => p.missing.length === 0 && p.error === void 0 ? [] : [
    finding(
      "referrer-missing",
      { model: p.model, record: { sequence: p.sequence, digest: p.recordDigest } },
      p.error !== void 0 ? `the referrers of ${p.reference} (record #${p.sequence}, publish ${p.version}) could not be checked: ${p.error}` : `${p.reference} lacks referrers that record #${p.sequence} (publish ${p.version}) promises: ${p.missing.join(", ")}; a rerun of \`modelgate publish\` on the merged commit attaches them`,
      "each published image carrying its evaluation record, its promotion record and its model card as OCI referrers"
    )
  ]
);

// src/audit/rules/versions.ts
function versionsImmutable(view) {
  const first = /* @__PURE__ */ new Map();
  const out = [];
  for (const e of view.entries) {
    const r = e.record;
    if (r.action !== "publish" || r.model.name !== view.model) continue;
    const seen = first.get(r.model.version);
    if (!seen) {
      first.set(r.model.version, e);
      continue;
    }
    const s = seen.record;
    const what = s.model.sha256 !== r.model.sha256 ? `model sha256 ${r.model.sha256.slice(0, 12)}\u2026, not ${s.model.sha256.slice(0, 12)}\u2026` : s.image.digest !== r.image.digest ? `image ${r.image.digest.slice(0, 19)}\u2026, not ${s.image.digest.slice(0, 19)}\u2026` : void 0;
    if (!what) continue;
    out.push({
      check: "version-immutable",
      model: view.model,
      commit: r.source,
      tag: r.stageTag,
      record: { sequence: r.sequence, digest: e.digest },
      path: view.path,
      message: `${view.path}: record #${r.sequence} publishes ${view.model} ${r.model.version} again with other contents (${what} of record #${s.sequence}, from ${s.source.slice(0, 12)})`,
      expected: `one content per version: a change of the model's bytes is published under a new spec.version`
    });
  }
  return out;
}

// src/audit/rules/releases.ts
function releaseGaps(facts, { view, entry, index, added }) {
  const r = entry.record;
  const rel = r.release;
  if (!rel) return [];
  const before = view.entries.slice(0, index);
  const wrong = [];
  const pub = before.find((b) => b.digest === rel.publishRecord);
  if (!pub)
    wrong.push(`it promotes the publish record ${rel.publishRecord}, which is not an earlier entry of the ledger`);
  else {
    const p = pub.record;
    if (p.action !== "publish")
      wrong.push(`${rel.publishRecord} is record #${p.sequence}, a ${p.action}, not a publish`);
    if (p.model.version !== r.model.version) wrong.push(`the publish record is of version ${p.model.version}`);
    if (p.image.digest !== r.image.digest || p.image.reference !== r.image.reference)
      wrong.push(`it deploys ${r.image.reference}, but the publish record built ${p.image.reference}`);
    if (p.model.sha256 !== r.model.sha256) wrong.push(`its artifact differs from the publish record's`);
    if (p.evaluation.record !== r.evaluation.record)
      wrong.push(`its evaluation record differs from the publish record's`);
    const pubAdd = addedBy(view, pub);
    if (pubAdd && pubAdd.commit !== r.source)
      wrong.push(
        `it names source ${short(r.source)}, but version ${p.model.version} was published by commit ${short(pubAdd.commit)}`
      );
  }
  if (rel.tag !== versionTag(view.model, r.model.version))
    wrong.push(`its tag ${rel.tag} is not ${versionTag(view.model, r.model.version)}`);
  const held = currentIn(before, r.environment);
  const sup = held ? { version: held.record.model.version, image: held.record.image.digest } : null;
  if (JSON.stringify(sup) !== JSON.stringify(rel.supersedes ?? null))
    wrong.push(
      `it says it supersedes ${rel.supersedes ? `${rel.supersedes.version} (${rel.supersedes.image})` : "nothing"}, but ${r.environment} ran ${sup ? `${sup.version} (${sup.image}) by record #${held?.record.sequence}` : "nothing"}`
    );
  const cfg = added && facts.configs.get(added.commit) || facts.snap.config;
  const needs = cfg.environments.find((x) => x.name === r.environment)?.requiresApproval;
  if (needs && !rel.environmentApprovals.some((a) => a.state === "approved")) {
    wrong.push(
      `modelgate.yaml requires an approval by the ${r.environment} environment's reviewers, and none is recorded`
    );
  }
  return wrong;
}
var releaseOfPublished = (facts, at) => {
  const { view, entry } = at;
  if (entry.record.action !== "release" && entry.record.action !== "rollback") return [];
  const where2 = { model: view.model, entry };
  if (!entry.record.release) {
    return [
      finding(
        "release",
        where2,
        `${recordText(entry)} has no release block (the version tag, who pushed it, the environment's approvals, the publish record)`,
        "a release record naming its tag, tag object, pusher, approvals and publish record"
      )
    ];
  }
  const wrong = releaseGaps(facts, at);
  if (!wrong.length) return [];
  return [
    finding(
      "release",
      where2,
      `${recordText(entry)}: ${wrong.join("; ")}`,
      "a release of a published version, by its annotated version tag, with the approvals its environment requires"
    )
  ];
};
var releaseTagKept = (facts, { view, entry }) => {
  const r = entry.record;
  const rel = r.release;
  if (r.action === "publish" || !rel) return [];
  const where2 = { model: view.model, entry, tag: rel.tag };
  const tag = facts.tags.get(rel.tag);
  if (!tag) {
    return [
      finding(
        "tag-missing",
        where2,
        `${recordText(entry)} released ${rel.tag}, which is not in the repository`,
        `the annotated tag ${rel.tag} (tag object ${short(rel.tagObject)}) kept`
      )
    ];
  }
  if (tag.object === rel.tagObject) return [];
  return [
    finding(
      "tag-moved",
      { ...where2, commit: tag.commit },
      `${rel.tag} now names ${tag.annotated ? "tag object" : "commit"} ${short(tag.object)} (on ${short(tag.commit)}), but ${recordText(entry)} released tag object ${short(rel.tagObject)}: the tag was moved or made again`,
      `${rel.tag} naming tag object ${rel.tagObject}, on ${short(r.source)}`
    )
  ];
};
var deregisteredNotReleased = (facts, { view, entry, index }) => {
  const r = entry.record;
  if (!r.release || r.action !== "release" && r.action !== "rollback") return [];
  const recorded = view.entries.slice(0, index).find((e) => e.record.action === "deregister" && e.record.model.version === r.model.version);
  if (recorded) {
    return [
      finding(
        "deregistered-released",
        { model: view.model, entry, tag: recorded.record.stageTag },
        `${recordText(entry)} at ${r.at} released version ${r.model.version}, deregistered before it by ${recordText(recorded)} at ${recorded.record.at} (${recorded.record.stageTag})`,
        "a deregistered version is never released again"
      )
    ];
  }
  const dereg = facts.tags.get(deregisterTag(view.model, r.model.version));
  if (!dereg?.tagger || !(Date.parse(dereg.tagger.date) <= Date.parse(r.at))) return [];
  return [
    finding(
      "deregistered-released",
      { model: view.model, entry, tag: dereg.name },
      `${recordText(entry)} at ${r.at} released version ${r.model.version}, deregistered at ${dereg.tagger.date} (${dereg.name})`,
      "a deregistered version is never released again"
    )
  ];
};
var registryOfPublished = (facts, { view, entry, index }) => {
  const r = entry.record;
  if (r.action !== "deregister" && r.action !== "unassign") return [];
  const wrong = [];
  const before = view.entries.slice(0, index);
  const reg = r.registry;
  if (!reg) wrong.push("it has no registry block (the version's publish record, who asked for it)");
  else {
    const pub = before.find((b) => b.digest === reg.publishRecord);
    if (pub?.record.action !== "publish")
      wrong.push(
        `it names the publish record ${reg.publishRecord}, which is not an earlier publish entry of the ledger`
      );
    else {
      const p = pub.record;
      if (p.model.version !== r.model.version) wrong.push(`the publish record is of version ${p.model.version}`);
      if (p.image.digest !== r.image.digest || p.model.sha256 !== r.model.sha256)
        wrong.push("its artifact or image differs from the publish record's");
      const pubAdd = addedBy(view, pub);
      if (pubAdd && pubAdd.commit !== r.source)
        wrong.push(
          `it names source ${short(r.source)}, but version ${p.model.version} was published by commit ${short(pubAdd.commit)}`
        );
    }
  }
  const runs = (env) => currentIn(before, env)?.record.model.version === r.model.version;
  const running = r.action === "unassign" ? [r.environment].filter(runs) : facts.snap.config.environments.slice(1).map((e) => e.name).filter(runs);
  if (running.length) wrong.push(`${running.join(", ")} ran ${r.model.version} then, by the ledger before it`);
  if (!wrong.length) return [];
  return [
    finding(
      "registry-record",
      { model: view.model, entry },
      `${recordText(entry)}: ${wrong.join("; ")}`,
      "a deregistration or unassignment of a published version, on its commit, of a version that no longer runs there"
    )
  ];
};

// src/audit/rules/tags.ts
function tagForm(model, r) {
  const p = parseTag(r.stageTag);
  const own = p?.name === model;
  if (r.action === "deregister") {
    const form2 = deregisterTag(model, r.model.version);
    return { form: form2, ok: r.stageTag === form2 };
  }
  const unassign = r.action === "unassign";
  const form = `${model}#${r.environment}${unassign ? "!" : ""}#N`;
  return {
    form,
    ok: own && p?.kind === "stage" && p.unassigned === unassign && p.stage === r.environment && p.number !== void 0
  };
}
var stageTagOfRecord = (facts, { view, entry, added }) => {
  const r = entry.record;
  const expectedCommit = r.action === "publish" ? added?.commit : r.source;
  const where2 = { model: view.model, entry, tag: r.stageTag };
  const { form, ok } = tagForm(view.model, r);
  const made = placesVersion(r) ? "assigned" : "made";
  if (!ok) {
    return [
      finding(
        "tag-grammar",
        where2,
        `${recordText(entry)} names the ${placesVersion(r) ? "stage " : ""}tag "${r.stageTag}", which is not ${form}`,
        `${form} (GTO's grammar)`
      )
    ];
  }
  const t = facts.tags.get(r.stageTag);
  if (!t) {
    return [
      finding(
        "tag-missing",
        where2,
        `${recordText(entry)} ${made} ${r.stageTag}, which is not in the repository`,
        `the annotated tag ${r.stageTag} on ${short(expectedCommit)}`
      )
    ];
  }
  if (!expectedCommit || t.commit === expectedCommit) return [];
  const { snap } = facts;
  const gone = t.commit && snap.reachable && !snap.reachable.has(t.commit);
  return [
    finding(
      "tag-moved",
      { ...where2, commit: t.commit },
      `${r.stageTag} points at ${short(t.commit)}${gone ? `, which is not in the history of ${snap.ref}` : ""}, but ${recordText(entry)} made it on ${short(expectedCommit)}${gone ? " (the history was rewritten under the tag)" : ": the tag was moved"}`,
      `${r.stageTag} on ${short(expectedCommit)}, the version's commit`
    )
  ];
};
var stageNumberRises = (_facts, { view, entry, lastStage }) => {
  const p = parseTag(entry.record.stageTag);
  if (p?.kind !== "stage" || p.number === void 0 || lastStage === void 0 || p.number > lastStage) return [];
  return [
    finding(
      "stage-counter",
      { model: view.model, entry, tag: entry.record.stageTag },
      `${recordText(entry)} assigned ${entry.record.stageTag}, but an earlier record already assigned number ${lastStage} for ${entry.record.environment}`,
      `a number above ${lastStage}: stage counters only increase`
    )
  ];
};
var managedIndex = /* @__PURE__ */ new WeakMap();
function managedStages(facts) {
  let set = managedIndex.get(facts);
  if (!set) {
    set = new Set(facts.snap.config.environments.map((e) => e.name));
    for (const c of facts.configs.values()) for (const e of c.environments) set.add(e.name);
    managedIndex.set(facts, set);
  }
  return set;
}
var managesModel = (v) => v !== void 0 && (v.text !== void 0 || v.entries.length > 0 || v.added.size > 0);
function gtoTag(facts, t) {
  if (!t.annotated) return void 0;
  const p = parseTag(t.name);
  return p && managesModel(facts.views.get(p.name)) ? p : void 0;
}
function ranAt(view, env, time) {
  let before;
  let upTo;
  for (const e of view.entries) {
    const r = e.record;
    if (r.environment !== env || !placesVersion(r)) continue;
    const at = Date.parse(r.at);
    if (at < time) before = e;
    if (at <= time) upTo = e;
  }
  return before && upTo && before.record.model.version === upTo.record.model.version ? upTo : void 0;
}
var whereTag = (p, t) => ({ model: p.name, tag: t.name, commit: t.commit });
var byTagger = (t) => t.tagger ? `, by ${t.tagger.name} <${t.tagger.email}> at ${t.tagger.date}` : ", with no tagger";
var citedIndex = /* @__PURE__ */ new WeakMap();
function citedTags(facts) {
  let set = citedIndex.get(facts);
  if (!set) {
    set = new Set(facts.stageTagsCited);
    for (const v of facts.views.values())
      for (const e of v.entries) if (e.record.release) set.add(e.record.release.tag);
    citedIndex.set(facts, set);
  }
  return set;
}
var tagAnnotated = (facts, t) => {
  if (t.annotated || !citedTags(facts).has(t.name)) return [];
  const p = parseTag(t.name);
  if (!p || !managesModel(facts.views.get(p.name))) return [];
  return [
    finding(
      "tag-lightweight",
      whereTag(p, t),
      `${t.name} is a lightweight tag (it names commit ${short(t.object)} directly, with no tagger and no date): GTO does not read lightweight tags, so it does not see the ${p.kind === "version" ? p.deregistered ? "deregistration the record made" : "version the record released" : p.kind === "stage" && p.unassigned ? "unassignment the record made" : "assignment the record made"}`,
      `an annotated tag: git tag -a ${t.name} \u2026`
    )
  ];
};
var versionTagOnPublish = (facts, t) => {
  const p = gtoTag(facts, t);
  if (p?.kind !== "version" || p.deregistered) return [];
  const commits = facts.publishedBy.get(`${p.name}@${p.version}`);
  if (!commits) {
    return [
      finding(
        "version-tag",
        whereTag(p, t),
        `${t.name} tags version ${p.version}, which no publish record of ${p.name} published`,
        `a version tag only on the commit that published ${p.name} ${p.version}`
      )
    ];
  }
  if (t.commit && commits.has(t.commit)) return [];
  return [
    finding(
      "version-tag",
      whereTag(p, t),
      `${t.name} points at ${short(t.commit)}, but ${p.name} ${p.version} was published by commit ${[...commits].map(short).join(", ")}`,
      `${t.name} on ${[...commits].map(short).join(", ")}`
    )
  ];
};
var stageTagWithRecord = (facts, t) => {
  const p = gtoTag(facts, t);
  if (p?.kind !== "stage" || !managedStages(facts).has(p.stage)) return [];
  if (!p.unassigned) {
    if (facts.stageTagsCited.has(t.name)) return [];
    return [
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} (on ${short(t.commit)}${byTagger(t)}) is cited by no promotion record: a stage assignment made by hand or with GTO`,
        `each stage assignment made by modelgate, with the promotion record that assigns it`
      )
    ];
  }
  if (!t.commit || !facts.versionCommits.has(t.commit)) {
    return [
      finding(
        "tag-without-record",
        whereTag(p, t),
        `${t.name} unassigns ${p.stage} on ${short(t.commit)}, a commit that published no version of ${p.name}`,
        "an unassignment on the commit of the version it unassigns"
      )
    ];
  }
  if (facts.stageTagsCited.has(t.name)) return [];
  const view = facts.views.get(p.name);
  const held = t.tagger ? ranAt(view, p.stage, Date.parse(t.tagger.date)) : void 0;
  if (!held || !facts.publishedBy.get(`${p.name}@${held.record.model.version}`)?.has(t.commit)) return [];
  return [
    finding(
      "tag-without-record",
      whereTag(p, t),
      `${t.name} (on ${short(t.commit)}${byTagger(t)}) unassigns ${p.stage} from ${held.record.model.version}, which ${p.stage} ran then (${recordText(held)}): GTO stops showing it there while its overlay still deploys it`,
      `${p.stage} changed only by a promotion record: release or roll back another version there, then unassign`
    )
  ];
};
var noDeregistrationWhileRunning = (facts, t) => {
  const p = gtoTag(facts, t);
  if (!p || !t.tagger || !(p.kind === "version" && p.deregistered || p.kind === "deprecated")) return [];
  if (facts.stageTagsCited.has(t.name)) return [];
  const view = facts.views.get(p.name);
  const time = Date.parse(t.tagger.date);
  const running = [...managedStages(facts)].map((env) => ranAt(view, env, time)).filter((e) => e !== void 0 && (p.kind !== "version" || e.record.model.version === p.version));
  if (!running.length) return [];
  const what = running.map((e) => `${e.record.environment} ran ${e.record.model.version} (${recordText(e)})`);
  return [
    finding(
      "tag-without-record",
      whereTag(p, t),
      `${t.name} (on ${short(t.commit)}${byTagger(t)}) ${p.kind === "version" ? `deregisters ${p.version}` : `deprecates ${p.name}`} while ${what.join(", ")}: GTO stops showing what the overlays still deploy`,
      p.kind === "version" ? `a version deregistered only when no environment runs it (modelgate release --deregister ${p.name}@v${p.version} refuses otherwise)` : "a model deprecated only when no environment runs it"
    )
  ];
};
var stageTagsInOrder = (facts) => {
  const stageOrder = /* @__PURE__ */ new Map();
  const managed = managedStages(facts);
  for (const t of facts.snap.tags) {
    const p = gtoTag(facts, t);
    if (p?.kind !== "stage" || p.number === void 0 || !managed.has(p.stage) || !t.tagger) continue;
    const key = `${p.name}#${p.stage}`;
    const list = stageOrder.get(key) ?? [];
    list.push({ t, n: p.number });
    stageOrder.set(key, list);
  }
  const out = [];
  for (const list of stageOrder.values()) {
    list.sort((a, b) => Date.parse(a.t.tagger?.date ?? "") - Date.parse(b.t.tagger?.date ?? "") || a.n - b.n);
    let prev;
    for (const x of list) {
      if (prev && x.n <= prev.n) {
        out.push(
          finding(
            "stage-counter",
            { model: parseTag(x.t.name)?.name, tag: x.t.name, commit: x.t.commit },
            `${x.t.name} (tagged ${x.t.tagger?.date}) comes after ${prev.t.name} (tagged ${prev.t.tagger?.date}) with a number not above it`,
            "stage numbers that only increase with time"
          )
        );
      }
      if (!prev || x.n > prev.n) prev = x;
    }
  }
  return out;
};

// src/audit/rules/table.ts
var LEDGER_INTEGRITY = [ledgerLinesReadable, ledgerChained, ledgerOnlyAppended];
var RULES = {
  ledger: [
    ...LEDGER_INTEGRITY,
    cardKept,
    (_facts, view) => versionsImmutable(view),
    (facts, view) => approvalsFromGitHub(view, facts.snap.config.environments)
  ],
  entry: [
    recordOfItsModel,
    recordAppendedByModelgate,
    recordTrailersMatch,
    sourceInHistory,
    // publish records
    evaluationAtItsAddress,
    evaluationBound,
    evaluationVerdict,
    approvedHead,
    cardAtPublish,
    // release and rollback records
    releaseOfPublished,
    releaseTagKept,
    deregisteredNotReleased,
    // deregistration and unassignment records
    registryOfPublished,
    // every record
    stageTagOfRecord,
    stageNumberRises,
    // with --trust: signed by an allowed key or identity, over exactly this record and its image
    recordAttested
  ],
  commit: [noTrailersWithoutRecord, deployEditsByModelgate, configChangeReviewed, monitoringBound],
  tag: [tagAnnotated, versionTagOnPublish, stageTagWithRecord, noDeregistrationWhileRunning],
  history: [stageTagsInOrder, imagesInRegistry, imagesAttested, referrersAttached]
};

// src/audit/verify.ts
function verifyEarlyReads(head, ledgers) {
  const names = /* @__PURE__ */ new Set();
  for (const v of ledgers) {
    const ledgerPath = promotionsPath(head.config.records, v.model);
    for (const e of v.entries) {
      for (const p of bundlePaths(ledgerPath, e)) names.add(`${head.tip}:${p}`);
      const r = e.record;
      if (r.action !== "publish") continue;
      names.add(`${head.tip}:${r.evaluation.path}`);
      for (const p of manifestPaths(head, r)) names.add(`${r.source}:${p}`);
    }
    for (const n of cardReads(head.tip, v)) names.add(n);
  }
  return [...names];
}
function evaluationReads(head, ledgers) {
  return ledgers.flatMap(
    (v) => v.entries.flatMap((e) => e.record.action === "publish" ? [`${head.tip}:${e.record.evaluation.path}`] : [])
  );
}
function verifyLateReads(snap, views) {
  const names = /* @__PURE__ */ new Set();
  for (const v of views) {
    for (const e of v.entries) {
      if (e.record.action === "publish") continue;
      const add = addedBy(v, e);
      if (add) names.add(`${add.commit}:modelgate.yaml`);
    }
    for (const n of cardReads(snap.tip, v, (e) => addedBy(v, e)?.commit)) names.add(n);
  }
  for (const n of configReads(snap, views)) names.add(n);
  for (const n of monitoringReads(snap, views)) names.add(n);
  return [...names];
}
function manifestPaths(snap, r) {
  return modelManifestPaths(snap.config.models, r.model);
}
function manifestOf(snap, blobs, r) {
  for (const p of manifestPaths(snap, r)) {
    const m = manifestAt(r.source, p, blobs.get(`${r.source}:${p}`), "Model").value;
    if (m && m.metadata.name === r.model.name) return m;
  }
  return void 0;
}
var noVerifier = () => {
  throw new Error("a trust policy was given without the bundle verifier (../attest/verify.ts)");
};
function readFacts(snap, views, blobs, images, trust, referrers, verifyBundle = noVerifier, judged) {
  const manifests = /* @__PURE__ */ new Map();
  const configs = /* @__PURE__ */ new Map();
  const configByText = /* @__PURE__ */ new Map();
  const stageTagsCited = /* @__PURE__ */ new Set();
  const publishedBy = /* @__PURE__ */ new Map();
  const versionCommits = /* @__PURE__ */ new Set();
  for (const v of views) {
    for (const e of v.entries) {
      const r = e.record;
      stageTagsCited.add(r.stageTag);
      const add = addedBy(v, e);
      if (r.action !== "publish") {
        const buf = add ? blobs.get(`${add.commit}:modelgate.yaml`) : void 0;
        if (add && buf !== void 0) {
          const text = buf.toString("utf8");
          const cfg = configByText.get(text) ?? configFrom(manifestAt(add.commit, "modelgate.yaml", buf, "Config"));
          configByText.set(text, cfg);
          configs.set(add.commit, cfg);
        }
        continue;
      }
      manifests.set(
        e.digest,
        judged?.manifests.has(e.digest) ? judged.manifests.get(e.digest) : manifestOf(snap, blobs, r)
      );
      if (!add) continue;
      const key = `${v.model}@${r.model.version}`;
      publishedBy.set(key, (publishedBy.get(key) ?? /* @__PURE__ */ new Set()).add(add.commit));
      versionCommits.add(add.commit);
    }
  }
  return {
    snap,
    views: new Map(views.map((v) => [v.model, v])),
    ledgerModels: ledgerModels(snap),
    blobs,
    tags: new Map(snap.tags.map((t) => [t.name, t])),
    manifests,
    configs,
    stageTagsCited,
    publishedBy,
    versionCommits,
    images,
    ...trust ? { trust } : {},
    referrers,
    verifyBundle,
    ...judged?.evaluations ? { evaluations: judged.evaluations } : {}
  };
}
function entryFacts(facts, view) {
  const stages = /* @__PURE__ */ new Map();
  return view.entries.map((entry, index) => {
    const added = addedBy(view, entry);
    const lastStage = stages.get(entry.record.environment);
    const p = parseTag(entry.record.stageTag);
    if (p?.kind === "stage" && p.number !== void 0)
      stages.set(entry.record.environment, Math.max(lastStage ?? 0, p.number));
    const commit = added ? facts.snap.byOid.get(added.commit) : void 0;
    return { view, entry, index, added, commit, lastStage };
  });
}
function runRules(facts) {
  return runRulesBut(facts, /* @__PURE__ */ new Set())(facts);
}
var ANSWER_RULES = /* @__PURE__ */ new Set([evaluationBound, evaluationVerdict]);
function runRulesBut(facts, later) {
  const out = [];
  for (const view of facts.views.values()) {
    for (const rule of RULES.ledger) out.push(rule(facts, view));
    for (const at of entryFacts(facts, view))
      for (const rule of RULES.entry) out.push(later.has(rule) ? (f) => rule(f, at) : rule(facts, at));
  }
  for (const c of facts.snap.commits) for (const rule of RULES.commit) out.push(rule(facts, c));
  for (const t of facts.snap.tags) for (const rule of RULES.tag) out.push(rule(facts, t));
  for (const rule of RULES.history) out.push(rule(facts));
  return (laterFacts) => out.flatMap((x) => typeof x === "function" ? x(laterFacts) : x);
}
async function findingsOf(facts, judged) {
  if (!judged?.later) return runRules(facts());
  const early = facts();
  const finish = runRulesBut(early, ANSWER_RULES);
  const evaluations = await judged.later.answers;
  if (evaluations) return finish({ ...early, evaluations });
  await judged.later.unanswered();
  return runRules(facts());
}
async function verifyHistory(snap, views, blobs, registry, trust, judged) {
  const probe = registry ? await import('./images-E6WVOP5I-Cv7wBwq7.js') : void 0;
  const images = probe && registry ? await probe.probeImages(views, { ...registry, bundles: Boolean(trust) }) : void 0;
  const referrers = probe && registry && images ? await probe.probeReferrers(views, images, registry) : void 0;
  const verifier = trust ? (await import('./verify-RKJS5W6M-RhYOmdLT.js')).verifyBundle : void 0;
  const findings = await withParsers(
    () => findingsOf(() => readFacts(snap, views, blobs, images, trust, referrers, verifier, judged), judged)
  );
  const models = new Set(views.map((v) => v.model));
  const records = views.reduce((n, v) => n + v.entries.length, 0);
  const evaluations = views.reduce((n, v) => n + v.entries.filter((e) => e.record.action === "publish").length, 0);
  const commits = snap.commits.filter(
    (c) => c.changes.some((ch) => {
      const d = deployPathOf(snap, ch.path)?.model;
      return d && models.has(d) || views.some((v) => v.path === ch.path);
    })
  ).length;
  const tags = snap.tags.filter((t) => {
    const p = parseTag(t.name);
    return p !== void 0 && models.has(p.name);
  }).length;
  return {
    ok: findings.length === 0,
    checked: { records, commits, tags, evaluations, images: images?.length ?? null },
    findings
  };
}

var exact26RPNA3W = /*#__PURE__*/Object.freeze({
  __proto__: null,
  LEDGER_INTEGRITY: LEDGER_INTEGRITY,
  boundRecord: boundRecord,
  bundlePaths: bundlePaths,
  evaluationReads: evaluationReads,
  firstOverlays: firstOverlays,
  knownOverlays: knownOverlays,
  manifestOf: manifestOf,
  manifestPaths: manifestPaths,
  monitoringRecordPaths: monitoringRecordPaths,
  overlayWrites: overlayWrites,
  readFacts: readFacts,
  verifyEarlyReads: verifyEarlyReads,
  verifyHistory: verifyHistory,
  verifyLateReads: verifyLateReads,
  withParsers: withParsers,
  writeEvidence: writeEvidence
});

const require$3 = createRequire(import.meta.url);
var TAKE = 4;
var FLAG = "modelgateEvaluationJudge";
function startEvaluationJudge(anywhere = false) {
  if (!anywhere && !import.meta.url.endsWith(".js")) return void 0;
  let worker;
  try {
    worker = startModuleWorker(import.meta.url, { [FLAG]: true });
  } catch {
    return void 0;
  }
  worker.unref();
  let failed = false;
  const records = /* @__PURE__ */ new Map();
  const manifests = /* @__PURE__ */ new Map();
  const takers = [];
  const prefixes = /* @__PURE__ */ new Map();
  let answered = () => {
  };
  const answers = new Promise((resolve) => {
    answered = resolve;
  });
  worker.on(
    "message",
    (m) => {
      if (m.prefix) prefixes.get(m.prefix.model)?.(new Map(m.prefix.index));
      if (m.given) takers.shift()?.(m.given);
      if (m.answers) answered(new Map(m.answers));
    }
  );
  const fail = () => {
    failed = true;
    for (const give of prefixes.values()) give(void 0);
    for (const take2 of takers.splice(0)) take2(void 0);
    answered(void 0);
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  const post = (m, transfer) => {
    if (!failed) worker.postMessage(m, transfer);
  };
  const take = () => failed ? Promise.resolve(void 0) : new Promise((resolve) => {
    takers.push(resolve);
    post({ take: TAKE });
  });
  const help = async (mine) => {
    await new Promise((resolve) => setImmediate(resolve));
    let next = take();
    for (; ; ) {
      const given = await next;
      if (!given?.items.length) return;
      next = take();
      for (const it of given.items) {
        const record = records.get(it.digest);
        mine.push([
          it.digest,
          it.found ? judgeHere(new Uint8Array(given.bytes, it.start, it.end - it.start), record, manifests.get(it.digest)) : notInGit()
        ]);
      }
    }
  };
  return {
    async prefixIndex(model, text, format) {
      if (text === void 0) return /* @__PURE__ */ new Map();
      const got = new Promise((resolve) => prefixes.set(model, resolve));
      post({ ledger: { model, text, format } });
      return (failed ? void 0 : await got) ?? prefixIndex(text, format);
    },
    add(items) {
      if (failed || !items.length) return;
      for (const it of items) {
        records.set(it.digest, it.record);
        manifests.set(it.digest, it.manifest);
      }
      const { bytes, ranges } = packed(items.map((it) => it.bytes));
      const list = items.map((it, i) => ({
        digest: it.digest,
        record: it.record,
        manifest: it.manifest,
        ...ranges[i]
      }));
      post({ items: list, bytes }, [bytes]);
    },
    read(dir, items) {
      for (const it of items) records.set(it.digest, it.record);
      if (items.length) post({ read: { dir, items } });
    },
    manifests(list) {
      for (const [digest, manifest] of list) manifests.set(digest, manifest);
      if (list.length) post({ manifests: list });
    },
    async answers() {
      post({ done: true });
      const mine = [];
      const [theirs] = await Promise.all([answers, help(mine)]);
      return theirs && new Map([...theirs, ...mine]);
    },
    end() {
      if (!failed) worker.postMessage({ modelgateEnd: true });
      failed = true;
    }
  };
}
function packed(parts) {
  const all = new Uint8Array(parts.reduce((n, p) => n + (p?.byteLength ?? 0), 0));
  let at = 0;
  const ranges = parts.map((p) => {
    const start = at;
    if (p) {
      all.set(p, at);
      at += p.byteLength;
    }
    return { start, end: at };
  });
  return { bytes: all.buffer, ranges };
}
var notInGit = () => ({ found: false, error: "not in git" });
function judgeHere(bytes, record, manifest) {
  const sha256 = `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  return { sha256, ...answerEvaluation(bytes, record, manifest) };
}
function serve() {
  const port = parentPort;
  if (!port) return;
  const answers = [];
  const waiting = /* @__PURE__ */ new Map();
  const queue = [];
  let outstanding = 0;
  let asked = false;
  let sent = false;
  let running = false;
  const finish = () => {
    if (asked && !sent && outstanding === 0 && !queue.length) {
      sent = true;
      port.postMessage({ answers });
    }
  };
  const step = () => {
    const p = queue.shift();
    if (p) {
      outstanding--;
      answers.push([p.digest, p.bytes ? judgeHere(p.bytes, p.record, p.manifest) : notInGit()]);
    }
    if (queue.length) return void setImmediate(step);
    running = false;
    finish();
  };
  const ready = (p) => {
    if (!p.hasBytes || !p.hasManifest) return;
    queue.push(p);
    if (!running) {
      running = true;
      setImmediate(step);
    }
  };
  const expect = (p) => {
    outstanding++;
    const list = waiting.get(p.digest) ?? [];
    list.push(p);
    waiting.set(p.digest, list);
  };
  port.on("message", (m) => {
    if (isEndMessage(m)) {
      closeObjectReaders();
      return port.close();
    }
    if ("ledger" in m) {
      const { model, text, format } = m.ledger;
      port.postMessage({ prefix: { model, index: [...prefixIndex(text, format)] } });
    } else if ("items" in m) {
      for (const it of m.items) {
        const bytes = new Uint8Array(m.bytes, it.start, it.end - it.start);
        const p = {
          digest: it.digest,
          record: it.record,
          manifest: it.manifest,
          hasManifest: true,
          bytes,
          hasBytes: true
        };
        outstanding++;
        ready(p);
      }
    } else if ("read" in m) {
      const list = m.read.items.map((it) => ({
        digest: it.digest,
        record: it.record,
        hasManifest: false,
        hasBytes: false
      }));
      for (const p of list) expect(p);
      readObjects(
        m.read.dir,
        gitEnvironment(),
        m.read.items.map((it) => it.name)
      ).then(
        (got) => {
          list.forEach((p, i) => {
            p.bytes = got[i]?.content;
            p.hasBytes = true;
            ready(p);
          });
        },
        (err) => setImmediate(() => {
          throw err;
        })
      );
    } else if ("manifests" in m) {
      for (const [digest, manifest] of m.manifests) {
        for (const p of waiting.get(digest) ?? []) {
          if (p.hasManifest) continue;
          p.manifest = manifest;
          p.hasManifest = true;
          ready(p);
        }
      }
    } else if ("take" in m) {
      const given = queue.splice(queue.length - Math.min(m.take, Math.floor(queue.length / 2)));
      outstanding -= given.length;
      const { bytes, ranges } = packed(given.map((p) => p.bytes));
      const items = given.map((p, i) => ({ digest: p.digest, ...ranges[i], found: p.bytes !== void 0 }));
      port.postMessage({ given: { items, bytes } }, [bytes]);
      finish();
    } else if (m.done) {
      asked = true;
      finish();
    }
  });
}
if (!isMainThread && workerData?.[FLAG] === true) serve();

var judgeWorkerXT2WAFBO = /*#__PURE__*/Object.freeze({
  __proto__: null,
  startEvaluationJudge: startEvaluationJudge
});

const require$2 = createRequire(import.meta.url);

var renderG7AT6XGJ = /*#__PURE__*/Object.freeze({
  __proto__: null,
  CSV_COLUMNS: CSV_COLUMNS,
  describe: describe,
  prose: prose,
  renderAt: renderAt,
  renderCsv: renderCsv,
  renderTimeline: renderTimeline,
  renderVerification: renderVerification,
  v: v
});

const require$1 = createRequire(import.meta.url);
function mayNameTrustPolicy(cwd) {
  let root;
  try {
    root = findRoot(cwd);
  } catch {
    return false;
  }
  let text;
  try {
    text = readFileSync(join(root, CONFIG_FILE), "utf8");
  } catch {
    return true;
  }
  const value = fastYamlValue(text);
  if (value === void 0) return true;
  const spec = isObject(value) && Object.hasOwn(value, "spec") ? value.spec : void 0;
  return isObject(spec) && Object.hasOwn(spec, "trustPolicy") && typeof spec.trustPolicy === "string";
}
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);

var trustNamedADJCCK43 = /*#__PURE__*/Object.freeze({
  __proto__: null,
  mayNameTrustPolicy: mayNameTrustPolicy
});

export { OFFLINE_BUILDER as O, PAYLOAD_TYPE as P, RECORD_ANNOTATION as R, VERSION_ANNOTATION as V, attestRecord as a, checkRecordAttestationWith as c, exact26RPNA3W as e, imageName as i, judgeWorkerXT2WAFBO as j, modelManifestPaths as m, pinOfDocument as p, renderG7AT6XGJ as r, statementDigest as s, trustNamedADJCCK43 as t };
