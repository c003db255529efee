import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  PROMOTION_PREDICATE,
  SLSA_PROVENANCE,
  canonicalJson,
  canonicalOf,
  recordDigest,
  sha256Of,
  statement,
  subject
} from "./chunk-GMOKSZ4Z.js";
import {
  API_VERSION,
  require_dist
} from "./chunk-AWCHZ6SK.js";
import {
  external_exports
} from "./chunk-M65JNBWF.js";
import {
  UserError
} from "./chunk-VPZGVLTG.js";
import {
  __toESM
} from "./chunk-CCN2QAD7.js";

// src/records/promotion.ts
var hex64 = external_exports.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
var digest = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>");
var commit = external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "must be a full commit id");
var approvalEntrySchema = external_exports.strictObject({
  reviewer: external_exports.string().min(1),
  reviewId: external_exports.number().int(),
  commit: commit.describe("The commit the review approved (the pull request's evaluated head)."),
  submittedAt: external_exports.string()
});
var environmentApprovalSchema = external_exports.strictObject({
  user: external_exports.string().min(1),
  state: external_exports.enum(["approved", "rejected"]),
  comment: external_exports.string(),
  at: external_exports.string(),
  environments: external_exports.array(external_exports.string())
});
var approvalSourceSchema = external_exports.discriminatedUnion("from", [
  external_exports.strictObject({
    from: external_exports.literal("github"),
    api: external_exports.string().describe("The GitHub API the approvals were read from (GITHUB_API_URL)."),
    run: external_exports.string().nullable().describe("The workflow run that read them; null outside GitHub Actions.")
  }),
  external_exports.strictObject({ from: external_exports.literal("facts-file") })
]).describe(
  "Where the approvals came from: GitHub's API, read by a workflow run, or a facts file (`--facts`, refused inside GitHub Actions)."
);
var attestationBlockSchema = external_exports.strictObject({
  signer: external_exports.enum(["key", "workflow"]).describe(
    "key: signed with --signing-key in the commit that appends the record; workflow: keyless, by actions/attest after it."
  ),
  builder: external_exports.strictObject({
    id: external_exports.string().min(1).describe("The build platform: the workflow file at its ref, or modelgate offline."),
    runUrl: external_exports.string().optional().describe("The workflow run, in GitHub Actions."),
    repository: external_exports.string().optional().describe("The source repository's URL, when known.")
  }).describe("Who built the image and made the promotion (SLSA provenance's builder)."),
  base: external_exports.strictObject({ reference: external_exports.string(), digest }).optional().describe("The base image the model was packaged on (publish; absent for scratch)."),
  datasets: external_exports.array(external_exports.strictObject({ name: external_exports.string(), path: external_exports.string() })).optional().describe("The evaluation datasets' files (publish): SLSA provenance's resolved dependencies with data's digests."),
  statements: external_exports.array(
    external_exports.strictObject({
      predicateType: external_exports.string().min(1),
      digest: digest.describe("sha256 of the in-toto Statement's canonical JSON (RFC 8785).")
    })
  ).min(1)
});
var promotionRecordSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("PromotionRecord"),
  sequence: external_exports.number().int().min(1).describe("1 for the model's first entry, then +1."),
  previous: digest.nullable().describe("Digest of the model's previous entry; null for the first."),
  action: external_exports.enum(["publish", "release", "rollback", "deregister", "unassign"]).describe(
    "publish, release, rollback: the version placed in `environment`; deregister: the version can never be released again; unassign: `environment`'s assignment of the version undone (GTO's registry operations, kept in the ledger so that deleting their tag leaves a trace)."
  ),
  at: external_exports.string().describe("When the promotion was made (RFC 3339, UTC)."),
  model: external_exports.strictObject({
    name: external_exports.string().min(1),
    version: external_exports.string().min(1),
    sha256: hex64.describe("The artifact that was evaluated, approved and packaged."),
    path: external_exports.string().describe("The artifact's path in the repository.")
  }),
  data: external_exports.array(external_exports.strictObject({ name: external_exports.string(), sha256: hex64 })).describe("The evaluation datasets' digests."),
  evaluation: external_exports.strictObject({
    record: digest.describe("sha256 of the evaluation record file's bytes."),
    path: external_exports.string().describe("Where the record is kept in git (content-addressed by that digest)."),
    verdict: external_exports.enum(["pass", "warn"]),
    gates: external_exports.array(external_exports.strictObject({ gate: external_exports.string(), status: external_exports.enum(["pass", "warn", "fail", "skip"]) })),
    metrics: external_exports.record(external_exports.string(), external_exports.number().nullable()).describe("Headline metrics of the candidate.")
  }),
  pullRequest: external_exports.strictObject({
    number: external_exports.number().int().positive(),
    author: external_exports.string(),
    head: commit.describe("The pull request's head commit: what was evaluated and approved."),
    url: external_exports.string().optional()
  }).nullable(),
  approvals: external_exports.array(approvalEntrySchema),
  approvalSource: approvalSourceSchema.optional().describe("Where `approvals` came from (publish read them)."),
  image: external_exports.strictObject({
    reference: external_exports.string().describe("repository@sha256:\u2026 (or a layout path for local builds)."),
    digest: digest.describe("The image index digest.")
  }),
  environment: external_exports.string().min(1).describe(
    "Where the version was placed (publish, release, rollback) or unassigned; of a deregistration, where it was published."
  ),
  stageTag: external_exports.string().describe(
    "The GTO tag made with this entry: name#stage#N (publish, release, rollback), name#stage!#N (unassign), name@vX.Y.Z! (deregister)."
  ),
  source: commit.describe(
    "The commit on the default branch that was published (its tree holds the model), or the version's commit (the one publish made: release, rollback, deregister, unassign)."
  ),
  triggeredBy: external_exports.string().describe("Who caused the promotion: the merger (publish) or the tag pusher (release)."),
  release: external_exports.strictObject({
    tag: external_exports.string(),
    tagObject: external_exports.string().describe("The annotated tag's object id: a moved tag has another."),
    tagger: external_exports.string().optional().describe("The tag's own tagger line (unverified; pushedBy is authenticated)."),
    pushedBy: external_exports.string(),
    signature: external_exports.strictObject({ verified: external_exports.boolean(), reason: external_exports.string() }).optional().describe("GitHub's verification of a signed tag."),
    environmentApprovals: external_exports.array(environmentApprovalSchema),
    approvalSource: approvalSourceSchema.optional().describe("Where `environmentApprovals` came from."),
    publishRecord: digest.describe("The publish entry whose image this release promotes."),
    supersedes: external_exports.strictObject({ version: external_exports.string(), image: digest }).nullable().describe("What the environment ran before."),
    runId: external_exports.number().int().optional(),
    runAttempt: external_exports.number().int().min(1).optional().describe(
      "The attempt of the run (GITHUB_RUN_ATTEMPT). A run's environment approval is bound to the one release that recorded its runId."
    )
  }).optional(),
  registry: external_exports.strictObject({
    publishRecord: digest.describe("The publish entry of the version deregistered or unassigned."),
    pushedBy: external_exports.string().describe("Who asked for it (an allowed releaser).")
  }).optional().describe("Of a deregistration or an unassignment: which published version, and who."),
  card: external_exports.strictObject({
    path: external_exports.string().describe("MODEL_CARD.md's path in the repository, as publish wrote it."),
    sha256: hex64.describe("sha256 of the card's bytes as publish wrote them.")
  }).optional().describe("Of a publish: the model card it wrote, bound by its digest."),
  attestation: attestationBlockSchema.optional().describe("The signed statements that attest this record (absent: not attested, as before attestations).")
});
var placesVersion = (r) => r.action === "publish" || r.action === "release" || r.action === "rollback";
function actionText(r) {
  if (r.action === "deregister") return `deregister ${r.model.version}`;
  if (r.action === "unassign") return `unassign ${r.model.version} from ${r.environment}`;
  return `${r.action} ${r.model.version} to ${r.environment}`;
}

// src/ledger/ledger.ts
var promotionsPath = (recordsDir, model) => `${recordsDir}/${model}/promotions.jsonl`;
var evaluationCopyPath = (recordsDir, model, hex) => `${recordsDir}/${model}/evaluations/${hex}.json`;
function parseLedger(text) {
  const entries = [];
  const problems = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    let json;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push({ line: i + 1, message: `not JSON: ${err.message}` });
      continue;
    }
    const r = promotionRecordSchema.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({ line: i + 1, message: `not a promotion record: ${issue.path.join(".")}: ${issue.message}` });
      continue;
    }
    const canonical = canonicalOf(raw, json);
    if (canonical !== raw) {
      problems.push({ line: i + 1, message: "not in canonical form (RFC 8785): the line was edited by hand" });
    }
    entries.push({ record: r.data, digest: sha256Of(canonical), line: i + 1 });
  }
  return { entries, problems };
}
function chainProblems(entries) {
  const out = [];
  let prev;
  for (const e of entries) {
    const wantSeq = prev ? prev.record.sequence + 1 : 1;
    if (e.record.sequence !== wantSeq) {
      out.push({ line: e.line, message: `sequence ${e.record.sequence}, expected ${wantSeq}` });
    }
    const wantPrev = prev ? prev.digest : null;
    if (e.record.previous !== wantPrev) {
      out.push({
        line: e.line,
        message: `previous is ${e.record.previous ?? "null"}, but the entry before it has digest ${wantPrev ?? "(none: this is the first entry)"}`
      });
    }
    prev = e;
  }
  return out;
}
var attestationPathBeside = (ledgerPath, hex) => ledgerPath.replace(/promotions\.jsonl$/, `attestations/${hex}.sigstore.json`);
function appendToLedger(text, record, seal) {
  const { entries } = parseLedger(text);
  const last = entries.at(-1);
  const chained = promotionRecordSchema.parse({
    ...record,
    sequence: last ? last.record.sequence + 1 : 1,
    previous: last ? last.digest : null
  });
  const full = seal ? promotionRecordSchema.parse(seal(chained)) : chained;
  const line = canonicalJson(full);
  const base = text === "" || text.endsWith("\n") ? text : `${text}
`;
  return { text: `${base}${line}
`, record: full, digest: recordDigest(full) };
}
function currentIn(entries, environment) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const r = entries[i].record;
    if (r.environment === environment && placesVersion(r)) return entries[i];
  }
  return void 0;
}

// src/deploy/render.ts
var import_yaml = __toESM(require_dist(), 1);

// src/deploy/kserve.ts
var KSERVE_SCHEMES = {
  // v0.20.0 (tag v0.20.0, commit 1fb781055dd1567164358233e1125142ca6ef1fe, 2026-08-06)
  "0.20.0": ["oci", "oci+native"]
};
var STORAGE_SCHEME = {
  modelcar: "oci",
  "image-volume": "oci+native"
};
var KSERVE_RUNTIME = "kserve-tritonserver";
function storageScheme(kserve) {
  const scheme = STORAGE_SCHEME[kserve.storage];
  const accepted = KSERVE_SCHEMES[kserve.version];
  if (!accepted?.includes(scheme)) {
    throw new UserError(
      `modelgate.yaml: spec.kserve.storage ${kserve.storage} needs storageUri ${scheme}://, which KServe ${kserve.version} does not accept (it reads ${(accepted ?? []).map((s) => `${s}://`).join(", ")}); choose another spec.kserve.storage`
    );
  }
  return scheme;
}

// src/deploy/render.ts
var MANAGED_BY = "modelgate";
var RECORD_ANNOTATION = "modelgate.dev/promotion-record";
var VERSION_ANNOTATION = "modelgate.dev/version";
var TRITON_IMAGE = "nvcr.io/nvidia/tritonserver:24.08-py3";
function storageUri(image) {
  return `${image.scheme}://${image.repository}@${image.digest}`;
}
var SCHEME_RE = /^(oci(?:\+[a-z]+)?):\/\//;
var HEADER = "# Written by modelgate. Do not edit by hand: `modelgate audit verify` reports any change it did not make.\n";
function resources(model) {
  const r = model.spec.deployment.resources;
  if (!r) return void 0;
  const requests = {};
  const limits = {};
  if (r.cpu) requests.cpu = limits.cpu = r.cpu;
  if (r.memory) requests.memory = limits.memory = r.memory;
  if (r.gpu) limits["nvidia.com/gpu"] = r.gpu;
  return {
    ...Object.keys(requests).length ? { requests } : {},
    ...Object.keys(limits).length ? { limits } : {}
  };
}
function labels(name) {
  return { "app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": MANAGED_BY };
}
function renderBase(model, pin) {
  const name = model.metadata.name;
  const annotations = { [VERSION_ANNOTATION]: pin.version, [RECORD_ANNOTATION]: pin.record };
  const docs = [];
  if (model.spec.deployment.target === "kserve") {
    docs.push({
      apiVersion: "serving.kserve.io/v1beta1",
      kind: "InferenceService",
      metadata: { name, labels: labels(name), annotations },
      spec: {
        predictor: {
          minReplicas: model.spec.deployment.replicas,
          model: {
            modelFormat: { name: "onnx" },
            runtime: KSERVE_RUNTIME,
            protocolVersion: "v2",
            storageUri: storageUri(pin.image),
            ...resources(model) ? { resources: resources(model) } : {}
          }
        }
      }
    });
  } else {
    const selector = { "app.kubernetes.io/name": name };
    docs.push(
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name, labels: labels(name), annotations },
        spec: {
          replicas: model.spec.deployment.replicas,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: labels(name) },
            spec: {
              initContainers: [
                {
                  name: "model",
                  image: `${pin.image.repository}@${pin.image.digest}`,
                  command: ["sh", "-c", "cp -R /models/. /mnt/models/"],
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models" }]
                }
              ],
              containers: [
                {
                  name: "triton",
                  image: TRITON_IMAGE,
                  args: ["tritonserver", "--model-repository=/mnt/models"],
                  ports: [
                    { name: "http", containerPort: 8e3 },
                    { name: "grpc", containerPort: 8001 }
                  ],
                  readinessProbe: { httpGet: { path: "/v2/health/ready", port: "http" } },
                  volumeMounts: [{ name: "models", mountPath: "/mnt/models", readOnly: true }],
                  ...resources(model) ? { resources: resources(model) } : {}
                }
              ],
              volumes: [{ name: "models", emptyDir: {} }]
            }
          }
        }
      },
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name, labels: labels(name) },
        spec: {
          selector,
          ports: [
            { name: "http", port: 8e3, targetPort: "http" },
            { name: "grpc", port: 8001, targetPort: "grpc" }
          ]
        }
      }
    );
  }
  const file = model.spec.deployment.target === "kserve" ? "inferenceservice.yaml" : "deployment.yaml";
  return {
    [file]: HEADER + docs.map((d) => (0, import_yaml.stringify)(d, { lineWidth: 0 })).join("---\n"),
    "kustomization.yaml": `${HEADER}${(0, import_yaml.stringify)({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: [file]
    })}`
  };
}
function renderOverlay(model, env, pin) {
  const name = model.metadata.name;
  if (!pin) {
    return `${HEADER}# Nothing has been promoted to ${env} yet: this overlay deploys nothing.
${(0, import_yaml.stringify)({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: []
    })}`;
  }
  const kserve = model.spec.deployment.target === "kserve";
  const ops = [
    kserve ? { op: "replace", path: "/spec/predictor/model/storageUri", value: storageUri(pin.image) } : {
      op: "replace",
      path: "/spec/template/spec/initContainers/0/image",
      value: `${pin.image.repository}@${pin.image.digest}`
    },
    { op: "replace", path: `/metadata/annotations/${VERSION_ANNOTATION.replace("/", "~1")}`, value: pin.version },
    { op: "replace", path: `/metadata/annotations/${RECORD_ANNOTATION.replace("/", "~1")}`, value: pin.record }
  ];
  return `${HEADER}${(0, import_yaml.stringify)(
    {
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: ["../../base"],
      labels: [{ pairs: { "modelgate.dev/environment": env }, includeSelectors: false }],
      patches: [
        {
          target: { kind: kserve ? "InferenceService" : "Deployment", name },
          patch: (0, import_yaml.stringify)(ops, { lineWidth: 0 })
        }
      ]
    },
    { lineWidth: 0 }
  )}`;
}
function readOverlayPin(text) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch {
    return void 0;
  }
  const ops = [];
  for (const p of doc?.patches ?? []) {
    try {
      const list = typeof p.patch === "string" ? (0, import_yaml.parse)(p.patch) : void 0;
      if (Array.isArray(list)) ops.push(...list);
    } catch {
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
var deployPaths = (deployDir, model) => ({
  base: `${deployDir}/${model}/base`,
  overlay: (env) => `${deployDir}/${model}/overlays/${env}/kustomization.yaml`
});

// src/ledger/tags.ts
var DIGIT = "\\p{Nd}";
var DIRNAME = "[a-zA-Z0-9\\-_./]+";
var NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-/_]*[a-zA-Z0-9])?";
var NUM = `(?:0|[1-9]${DIGIT}*)`;
var PRE_ID = `(?:0|[1-9]${DIGIT}*|${DIGIT}*[a-zA-Z\\-][0-9a-zA-Z\\-]*)`;
var SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z\\-]+(?:\\.[0-9a-zA-Z\\-]+)*)?`;
var tagRe = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})(?:(?:#(?<stage>${NAME})|@v(?<version>${SEMVER}))(?<cancel>!?)|@(?<mark>deprecated|created))(?:#(?<counter>[0-9]+))?$`,
  "u"
);
function parseTag(tag) {
  const g = tagRe.exec(tag)?.groups;
  if (!g) return void 0;
  const base = { name: g.artifact.replace("=", ":") };
  if (g.counter !== void 0) base.number = Number(g.counter);
  if (g.mark) return { ...base, kind: g.mark };
  if (g.version !== void 0) return { ...base, kind: "version", version: g.version, deregistered: g.cancel === "!" };
  return { ...base, kind: "stage", stage: g.stage, unassigned: g.cancel === "!" };
}
var isModelName = (name) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name);
var versionTag = (name, version) => `${name}@v${version}`;
var deregisterTag = (name, version) => `${name}@v${version}!`;
var stageTag = (name, stage, n) => `${name}#${stage}#${n}`;
var unassignTag = (name, stage, n) => `${name}#${stage}!#${n}`;
function nextStageNumber(tags, name, stage) {
  let max = 0;
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "stage" && p.name === name && p.stage === stage && (p.number ?? 0) > max) max = p.number ?? 0;
  }
  return max + 1;
}
function deregistrationOf(tags, name, version) {
  for (const t of tags) {
    const p = parseTag(t);
    if (p?.kind === "version" && p.deregistered && p.name === name && p.version === version) return t;
  }
  return void 0;
}
function parseVersionArg(arg) {
  const t = parseTag(arg);
  if (t?.kind === "version" && !t.deregistered && t.number === void 0) return { name: t.name, version: t.version };
  const m = new RegExp(`^v?(${SEMVER})$`, "u").exec(arg);
  return m ? { version: m[1] } : void 0;
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
    } : {}
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

// src/ledger/trailers.ts
function formatTrailers(trailers) {
  return trailers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, " ").trim()}`).join("\n");
}
function commitMessage(subject2, body, trailers) {
  return [subject2, body.trim(), formatTrailers(trailers)].filter(Boolean).join("\n\n");
}
function parseTrailers(text) {
  const out = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trimEnd());
    if (!m) continue;
    const list = out.get(m[1]) ?? [];
    list.push(m[2]);
    out.set(m[1], list);
  }
  return out;
}
function promotionTrailers(r, digest2) {
  const approvedBy = r.action === "publish" ? r.approvals.map((a) => ["Approved-by", `${a.reviewer} (review ${a.reviewId} on ${a.commit})`]) : (r.release?.environmentApprovals ?? []).filter((a) => a.state === "approved").map((a) => ["Approved-by", `${a.user} (environment ${r.environment})`]);
  if (r.action === "publish") {
    return [
      ["Model", r.model.name],
      ["Model-Version", r.model.version],
      ["Model-Digest", `sha256:${r.model.sha256}`],
      ...r.data.map((d) => ["Data-Digest", `${d.name} sha256:${d.sha256}`]),
      ["Eval-Record", r.evaluation.record],
      ["Eval-Gate", r.evaluation.verdict],
      ...r.pullRequest ? [["Reviewed-on", r.pullRequest.url ?? `#${r.pullRequest.number}`]] : [],
      ...approvedBy,
      ["Image", r.image.reference],
      ["Environment", r.environment],
      ["Promoted-by", r.triggeredBy],
      ["Promotion-Record", digest2],
      ["Stage-Tag", r.stageTag]
    ];
  }
  const sup = r.release?.supersedes;
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Eval-Record", r.evaluation.record],
    ["Image", r.image.reference],
    ["Environment", r.environment],
    ["Promoted-by", r.release?.pushedBy ?? r.triggeredBy],
    ...approvedBy,
    ...sup ? [["Supersedes", `${sup.version} ${sup.image}`]] : [],
    ["Promotion-Record", digest2],
    ["Stage-Tag", r.stageTag]
  ];
}
function monitoringTrailers(r, digest2) {
  return [
    ["Model", r.model.name],
    ["Model-Version", r.model.version],
    ["Model-Digest", `sha256:${r.model.sha256}`],
    ["Environment", r.environment],
    ["Monitored-Promotion", r.promotion.record],
    ["Monitoring-Record", digest2],
    ["Monitoring-Verdict", r.verdict]
  ];
}

export {
  promotionRecordSchema,
  placesVersion,
  actionText,
  promotionsPath,
  evaluationCopyPath,
  parseLedger,
  chainProblems,
  attestationPathBeside,
  appendToLedger,
  currentIn,
  storageScheme,
  MANAGED_BY,
  renderBase,
  renderOverlay,
  readOverlayPin,
  deployPaths,
  parseTag,
  isModelName,
  versionTag,
  deregisterTag,
  stageTag,
  unassignTag,
  nextStageNumber,
  deregistrationOf,
  parseVersionArg,
  OFFLINE_BUILDER,
  recordBody,
  imageName,
  recordStatements,
  normalStatement,
  statementDigest,
  attestRecord,
  commitMessage,
  parseTrailers,
  promotionTrailers,
  monitoringTrailers
};
