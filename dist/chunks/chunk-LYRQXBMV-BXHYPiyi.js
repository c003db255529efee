import { createRequire } from 'node:module';
import { e as external_exports } from './chunk-S43IQFRZ-B-SSS4At.js';
import { r as repoPath, b as isRelativePath, v as locationProblem, i as isCompleteDeploy, A as API_VERSION, P as PROFILE_DISTINCT_CAP } from './hot-validate-audit-verify-C-_o6MJ0.js';

const require$1 = createRequire(import.meta.url);

// src/manifest/schema.ts
function lazySchema(build) {
  let built;
  const schema = () => built ??= build();
  return new Proxy({}, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema())
  });
}
var MAX_RESAMPLES = 1e5;
var MAX_SHARDS = 256;
var DEFAULT_SHARD_ROWS = 2e6;
var DEFAULT_SHARD_ROWS_TEXT = "2,000,000";
var MAX_TIMEOUT_MINUTES = Math.floor((2 ** 31 - 1) / 6e4);
var folder = (dflt) => external_exports.string().overwrite(repoPath).default(dflt);
var name = external_exports.string().regex(
  /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
  "must be lowercase letters, digits and '-', starting and ending alphanumeric (at most 63)"
).describe("A DNS-1123 label, as Kubernetes names are.");
var sha256 = external_exports.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits (run `modelgate lock` to fill it)");
var semver = external_exports.string().regex(
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/,
  "must be a semantic version such as 1.4.0 (semver.org: no leading zeros, no empty identifiers)"
);
var relPath = external_exports.string().min(1).refine(isRelativePath, "must be a relative path (relative to this manifest's folder)");
var locationRefinement = external_exports.superRefine((p, ctx) => {
  const problem = locationProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
var location = external_exports.string().min(1).check(locationRefinement);
var metadata = external_exports.strictObject({
  name,
  labels: external_exports.record(external_exports.string(), external_exports.string()).optional(),
  annotations: external_exports.record(external_exports.string(), external_exports.string()).optional()
}).describe("Kubernetes-style metadata: the object's name and free labels.");
var team = external_exports.string().regex(/^[^/\s]+\/[^/\s]+$/, "must be org/team-slug");
var reviewersSchema = external_exports.strictObject({
  users: external_exports.array(external_exports.string().min(1)).default([]).describe("GitHub logins allowed to approve."),
  teams: external_exports.array(team).default([]).describe("Teams (org/team-slug) whose members may approve."),
  codeowners: external_exports.boolean().default(false).describe("Owners of the model's paths in CODEOWNERS may approve.")
});
var riskClassPolicySchema = external_exports.partialRecord(
  external_exports.enum(["minimal", "limited", "high"]),
  external_exports.strictObject({
    extraApprovals: external_exports.number().int().min(0).default(0),
    teams: external_exports.array(team).default([]).describe("At least one approval must come from a member of one of these teams.")
  })
).describe("More approvals by the model's risk class.");
var approvalPolicySchema = external_exports.strictObject({
  approvals: external_exports.number().int().min(1).default(1).describe("How many distinct allowed reviewers must approve."),
  reviewers: reviewersSchema.default({ users: [], teams: [], codeowners: false }),
  riskClass: riskClassPolicySchema.default({}),
  excludeCommitAuthors: external_exports.boolean().default(false).describe(
    "An author or committer of any commit under review may not approve it (whoever pushed the head commit never may)."
  )
}).describe("Who must approve a model change before it may be promoted.");
var approvalOverrideSchema = external_exports.strictObject({
  approvals: external_exports.number().int().min(1).optional(),
  reviewers: reviewersSchema.optional(),
  riskClass: riskClassPolicySchema.optional(),
  excludeCommitAuthors: external_exports.boolean().optional()
}).describe(
  "Overrides of modelgate.yaml spec.approval for this model: the keys written here replace the repository's."
);
var thresholds = external_exports.strictObject({
  psiWarn: external_exports.number().positive().default(0.1).describe("PSI at or above which drift is a warning."),
  psiFail: external_exports.number().positive().default(0.25).describe("PSI at or above which drift is an error.")
});
var environmentSchema = external_exports.strictObject({
  name,
  promotion: external_exports.enum(["direct", "pull-request"]).default("direct").describe("Commit to the overlay directly, or open a PR."),
  requiresTag: external_exports.boolean().default(false).describe("Promotion needs a release tag name@vX.Y.Z (production)."),
  githubEnvironment: external_exports.string().optional().describe("The GitHub environment whose reviewers must approve a deployment."),
  requiresApproval: external_exports.boolean().default(false).describe("Refuse a release whose workflow run has no approval from the GitHub environment's reviewers."),
  offlineReleases: external_exports.boolean().default(false).describe(
    "Accept environment approvals from a facts file (`release --facts`, outside GitHub Actions): `audit verify` flags them otherwise."
  ),
  namespace: name.optional().describe(
    "The Kubernetes namespace this environment's models run in, as the Argo CD Application or Flux Kustomization of spec.deploy.gitops says; default: the environment's name."
  )
});
var GITOPS_TOOLS = ["argocd", "flux"];
var deployRefinement = external_exports.superRefine((d, ctx) => {
  if (!isCompleteDeploy(d))
    ctx.addIssue({
      code: "custom",
      path: ["argocd", "repoURL"],
      message: "is required with gitops: argocd: the repository Argo CD reads, e.g. https://github.com/acme/models.git"
    });
});
var deploySchema = external_exports.strictObject({
  gitops: external_exports.enum(GITOPS_TOOLS).optional().describe(
    "Also write, per model and environment, deploy/<model>/gitops/<env>.yaml: an Argo CD Application (argocd) or a Flux Kustomization (flux) that syncs the environment's overlay into its namespace. Absent: none."
  ),
  argocd: external_exports.strictObject({
    repoURL: external_exports.string().min(1).optional().describe(
      "The GitOps repository as Argo CD reads it, e.g. https://github.com/acme/models.git (required with gitops: argocd)."
    ),
    targetRevision: external_exports.string().min(1).optional().describe("The branch Argo CD follows; default: the branch publish and release commit to."),
    namespace: name.default("argocd").describe("The namespace Argo CD's Applications live in."),
    project: external_exports.string().min(1).default("default").describe("The Argo CD project."),
    server: external_exports.string().min(1).default("https://kubernetes.default.svc").describe("The cluster the models run in (Argo CD's destination.server).")
  }).prefault({}),
  flux: external_exports.strictObject({
    namespace: name.default("flux-system").describe("The namespace Flux's Kustomizations live in."),
    sourceRef: external_exports.strictObject({
      kind: external_exports.enum(["GitRepository", "OCIRepository", "Bucket"]).default("GitRepository"),
      name: name.default("flux-system")
    }).prefault({}).describe("The Flux source holding the GitOps repository (flux bootstrap makes GitRepository flux-system)."),
    interval: external_exports.string().regex(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, "must be a duration such as 10m or 1h30m").default("10m").describe("How often Flux reconciles the overlay.")
  }).prefault({})
}).check(deployRefinement).prefault({}).describe("How the clusters pick up the overlays (publish writes the objects that sync them).");
var KSERVE_RELEASES = ["0.20.0"];
var KSERVE_STORAGE = ["modelcar", "image-volume"];
var kserveSchema = external_exports.strictObject({
  version: external_exports.enum(KSERVE_RELEASES).default(KSERVE_RELEASES[0]).describe("The KServe release the clusters run: the overlays use only storage-URI schemes it accepts."),
  storage: external_exports.enum(KSERVE_STORAGE).default("modelcar").describe(
    "modelcar: storageUri oci://, KServe runs the image as a sidecar (its base needs sh, mkdir, ln, sleep; default base busybox). image-volume: oci+native://, mounted as a Kubernetes image volume (Kubernetes >= 1.33 with the ImageVolume feature; any base, scratch by default)."
  )
}).prefault({}).describe("How KServe serves the model images (target: kserve).");
var configSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("Config"),
  metadata,
  spec: external_exports.strictObject({
    registry: external_exports.string().optional().describe("OCI repository prefix for model images, e.g. ghcr.io/acme/models; absent: a local OCI layout."),
    base: external_exports.strictObject({
      image: external_exports.string().describe(
        "Base image: a registry reference, oci:DIR[:NAME] (a layout; relative to the repository root) or scratch. A modelcar's base needs sh, mkdir, ln and sleep. Default: busybox (modelcar) or scratch (image-volume)."
      ),
      digest: external_exports.string().regex(/^sha256:[0-9a-f]{64}$/).optional()
    }).optional(),
    kserve: kserveSchema,
    deploy: deploySchema,
    environments: external_exports.array(environmentSchema).default([
      { name: "staging", promotion: "direct", requiresTag: false, requiresApproval: false, offlineReleases: false },
      { name: "production", promotion: "direct", requiresTag: true, requiresApproval: false, offlineReleases: false }
    ]),
    approval: approvalPolicySchema.default({
      approvals: 1,
      reviewers: { users: [], teams: [], codeowners: false },
      riskClass: {},
      excludeCommitAuthors: false
    }),
    releasers: external_exports.strictObject({ users: external_exports.array(external_exports.string()).default([]), teams: external_exports.array(external_exports.string()).default([]) }).default({ users: [], teams: [] }).describe("Who may tag releases."),
    drift: thresholds.default({ psiWarn: 0.1, psiFail: 0.25 }),
    paths: external_exports.strictObject({
      models: folder("models"),
      data: folder("data"),
      deploy: folder("deploy"),
      records: folder("records").describe("Where publish and release keep the promotion ledger.")
    }).default({ models: "models", data: "data", deploy: "deploy", records: "records" }),
    gitops: external_exports.strictObject({
      remote: external_exports.string().optional().describe("A separate repository (git URL or path) for deploy/ and records/; default: this repository."),
      branch: external_exports.string().optional().describe("The branch publish and release commit to; default: the default branch.")
    }).default({}).describe("Where the GitOps files and promotion records are committed."),
    identity: external_exports.strictObject({
      name: external_exports.string().min(1).default("modelgate[bot]"),
      email: external_exports.string().min(1).default("modelgate-bot@users.noreply.github.com")
    }).default({ name: "modelgate[bot]", email: "modelgate-bot@users.noreply.github.com" }).describe("The author and committer of the commits and tags modelgate makes."),
    github: external_exports.strictObject({
      app: external_exports.string().min(1).default("github-actions").describe(
        "The GitHub App whose token modelgate's report and approve jobs run with (GITHUB_TOKEN: github-actions): publish accepts the check runs `modelgate / MODEL` only from it."
      ),
      statusCreator: external_exports.string().min(1).optional().describe(
        "The login that sets the `modelgate/approval` status (default: the app's bot, <app>[bot]): publish accepts the status only from it."
      )
    }).default({ app: "github-actions" }).describe("The identity modelgate's own jobs run as on GitHub, which publish trusts and nobody else."),
    storage: external_exports.strictObject({
      s3: external_exports.strictObject({
        forcePathStyle: external_exports.boolean().optional().describe(
          "Address buckets as ENDPOINT/BUCKET/KEY, as most S3-compatible stores (MinIO, Ceph) want; MODELGATE_S3_FORCE_PATH_STYLE=1 does the same. The endpoint comes from AWS_ENDPOINT_URL_S3, credentials from the AWS SDK's default chain."
        )
      }).optional()
    }).optional().describe(
      "How remote data and artifacts are read (never credentials: those come from each store's own chain)."
    ),
    allowWarn: external_exports.boolean().default(true).describe("Publish a model whose gates ended in warnings (never one with a failed gate)."),
    attest: external_exports.enum(["required", "optional", "off"]).optional().describe(
      "Sign each publish and release (in-toto Statements in Sigstore bundles): required refuses to promote unsigned; optional signs when a key or an OIDC token is at hand; off never signs. Default: required in GitHub Actions when the job has an OIDC token (id-token: write), else optional."
    ),
    trustPolicy: external_exports.string().optional().describe(
      "A trust policy file (relative to modelgate.yaml): whose signatures `audit verify` accepts when --trust is not given. An auditor passes their own copy with --trust: this one is only as trustworthy as push access."
    )
  }).prefault({})
});
var columnTypes = ["float", "integer", "string", "boolean"];
function buildDataset() {
  const columnSchema2 = external_exports.strictObject({
    name: external_exports.string().min(1),
    type: external_exports.enum(columnTypes),
    role: external_exports.enum(["feature", "label", "id", "slice", "ignore"]).default("feature"),
    nullable: external_exports.boolean().default(false),
    maxNullFraction: external_exports.number().min(0).max(1).optional().describe("Largest allowed fraction of nulls (nullable columns)."),
    min: external_exports.number().optional().describe("The smallest valid value: a smaller one is an error."),
    max: external_exports.number().optional().describe("The largest valid value: a larger one is an error."),
    expected: external_exports.strictObject({ min: external_exports.number().optional(), max: external_exports.number().optional() }).optional().describe(
      "The range the values are expected in (`modelgate init` writes the data's range with headroom): a value outside it is a warning, not an error."
    ),
    values: external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).optional().describe("The allowed values."),
    unique: external_exports.boolean().default(false),
    description: external_exports.string().optional()
  });
  const numericProfileSchema2 = external_exports.strictObject({
    kind: external_exports.literal("numeric"),
    /** Bin edges (ascending); bins are (-inf, e0], (e0, e1], …, (e_last, +inf). */
    edges: external_exports.array(external_exports.number()),
    /** Fraction of non-null rows in each bin: edges.length + 1 entries. */
    fractions: external_exports.array(external_exports.number().min(0).max(1)),
    nullFraction: external_exports.number().min(0).max(1),
    count: external_exports.number().int().min(0).optional().describe("Non-null rows counted (what p-value drift tests need)."),
    distinct: external_exports.number().int().min(0).optional().describe(
      `Distinct non-null values, counted up to ${PROFILE_DISTINCT_CAP + 1} (${PROFILE_DISTINCT_CAP + 1}: more than ${PROFILE_DISTINCT_CAP}).`
    ),
    mean: external_exports.number().optional(),
    std: external_exports.number().optional(),
    min: external_exports.number().optional(),
    max: external_exports.number().optional()
  });
  const categoricalProfileSchema2 = external_exports.strictObject({
    kind: external_exports.literal("categorical"),
    /** Fraction of non-null rows per value; values beyond the most frequent are pooled under "__other__". */
    fractions: external_exports.record(external_exports.string(), external_exports.number().min(0).max(1)),
    nullFraction: external_exports.number().min(0).max(1),
    count: external_exports.number().int().min(0).optional().describe("Non-null rows counted (what p-value drift tests need)."),
    distinct: external_exports.number().int().min(0).optional().describe(
      `Distinct non-null values, counted up to ${PROFILE_DISTINCT_CAP + 1} (${PROFILE_DISTINCT_CAP + 1}: more than ${PROFILE_DISTINCT_CAP}).`
    )
  });
  const profileSchema2 = external_exports.record(external_exports.string(), external_exports.union([numericProfileSchema2, categoricalProfileSchema2]));
  const datasheetSchema2 = external_exports.strictObject({
    motivation: external_exports.string().optional(),
    composition: external_exports.string().optional(),
    collection: external_exports.string().optional(),
    preprocessing: external_exports.string().optional(),
    uses: external_exports.string().optional(),
    distribution: external_exports.string().optional(),
    maintenance: external_exports.string().optional(),
    license: external_exports.string().optional(),
    personalData: external_exports.string().optional().describe("Whether and which personal data the dataset holds, and its basis."),
    knownBiases: external_exports.string().optional()
  }).describe("Datasheets for Datasets / Croissant RAI fields.");
  const datasetSchema2 = external_exports.strictObject({
    apiVersion: external_exports.literal(API_VERSION),
    kind: external_exports.literal("Dataset"),
    metadata,
    spec: external_exports.strictObject({
      path: location.describe(
        "The data file: a path relative to this manifest's folder, a DVC output (FILE.dvc, or dvc.lock#OUT), or a store URL (s3://BUCKET/KEY, gs://BUCKET/KEY, https://\u2026) pinned by sha256."
      ),
      format: external_exports.enum(["csv", "jsonl", "parquet"]).optional().describe("Default: from the file extension."),
      csv: external_exports.strictObject({
        // the same list as CSV_DELIMITERS in src/data/batch.ts (a test checks that they agree)
        delimiter: external_exports.enum([",", ";", "	", "|"]).default(",").describe('The field separator: "," (the default), ";", "\\t" (tab) or "|".')
      }).optional().describe("How a CSV file is written, when it is not comma-separated."),
      sha256: sha256.optional(),
      sizeBytes: external_exports.number().int().min(0).optional(),
      blocks: external_exports.strictObject({
        size: external_exports.number().int().min(4096).describe("Bytes per block (the last block is shorter). Default: 67108864 (64 MiB)."),
        sha256: external_exports.array(sha256).optional().describe("The sha256 of each block, in order (written by `modelgate lock`).")
      }).optional().describe(
        "Per-block digests of the file (written by `modelgate lock` for files larger than one block, or when spec.blocks.size is set): a shard job of a remote file fetches and checks only the blocks of its part."
      ),
      rows: external_exports.number().int().min(0).optional(),
      columns: external_exports.array(columnSchema2).min(1),
      checks: external_exports.strictObject({
        minRows: external_exports.number().int().min(0).optional(),
        maxRows: external_exports.number().int().min(0).optional(),
        uniqueBy: external_exports.array(external_exports.string()).optional().describe("Columns whose combination must be unique.")
      }).optional(),
      profile: profileSchema2.optional().describe("Statistical profile for drift checks (written by `modelgate lock`)."),
      drift: thresholds.partial().extend({
        reference: name.optional().describe("Compare this dataset with that dataset's profile (e.g. a new month against the training data).")
      }).optional().describe("Drift thresholds for this dataset, and the dataset it is compared with."),
      datasheet: datasheetSchema2.optional()
    })
  });
  return {
    columnSchema: columnSchema2,
    numericProfileSchema: numericProfileSchema2,
    categoricalProfileSchema: categoricalProfileSchema2,
    profileSchema: profileSchema2,
    datasheetSchema: datasheetSchema2,
    datasetSchema: datasetSchema2
  };
}
var builtDataset;
var datasetSchemas = () => builtDataset ??= buildDataset();
var columnSchema = lazySchema(() => datasetSchemas().columnSchema);
var numericProfileSchema = lazySchema(() => datasetSchemas().numericProfileSchema);
var categoricalProfileSchema = lazySchema(() => datasetSchemas().categoricalProfileSchema);
var profileSchema = lazySchema(() => datasetSchemas().profileSchema);
var datasheetSchema = lazySchema(() => datasetSchemas().datasheetSchema);
var datasetSchema = lazySchema(() => datasetSchemas().datasetSchema);
var DEFAULT_MONITORING_MIN_ROWS = 1e3;
var driftTests = ["ks", "chisquare", "z", "wasserstein", "jensenshannon"];
function buildModel() {
  const tensorSpecSchema2 = external_exports.strictObject({
    name: external_exports.string().min(1),
    type: external_exports.string().min(1).describe("float32, float64, int64, string, bool, \u2026 or seq(map(int64,float32)) for ZipMap"),
    shape: external_exports.array(external_exports.union([external_exports.number().int(), external_exports.string()])).optional().describe("-1 or a name for dynamic dimensions")
  });
  const gateSchema2 = external_exports.union([
    external_exports.strictObject({
      metric: external_exports.string().min(1),
      min: external_exports.number().optional(),
      max: external_exports.number().optional(),
      maxDrop: external_exports.number().min(0).optional().describe("Largest allowed drop against the baseline, judged on the paired CI."),
      maxRise: external_exports.number().min(0).optional().describe("Largest allowed rise against the baseline (for losses, latency)."),
      severity: external_exports.enum(["fail", "warn"]).default("fail")
    }),
    external_exports.strictObject({
      sliceGap: external_exports.string().min(1).describe("The metric whose spread across slices is bounded, e.g. recall."),
      over: external_exports.string().min(1).describe("The slice column."),
      max: external_exports.number().min(0),
      severity: external_exports.enum(["fail", "warn"]).default("fail")
    })
  ]);
  const sliceSchema2 = external_exports.strictObject({
    column: external_exports.string().min(1),
    buckets: external_exports.array(external_exports.number()).optional().describe("Bucket edges for a numeric column.")
  });
  const duration = external_exports.string().regex(/^[1-9]\d*(m|h|d|w)$/, "must be a duration: a whole number and m, h, d or w (30m, 12h, 7d, 2w)");
  const monitoringGateSchema2 = external_exports.strictObject({
    metric: external_exports.string().min(1).describe(
      "An evaluation metric (roc_auc, recall, precision, f1, accuracy, \u2026, named as in the evaluation record), latency_p50_ms, latency_p95_ms, latency_p99_ms or error_rate."
    ),
    min: external_exports.number().optional(),
    max: external_exports.number().optional(),
    maxDrop: external_exports.number().min(0).optional().describe(
      "Largest allowed drop against the evaluation record of the version that runs (judged on the interval)."
    ),
    maxRise: external_exports.number().min(0).optional().describe("Largest allowed rise against the evaluation record."),
    severity: external_exports.enum(["fail", "warn"]).default("fail"),
    estimated: external_exports.boolean().default(true).describe("Judge the CBPE estimate while no labels have arrived (binary classification).")
  });
  const monitoringSchema2 = external_exports.strictObject({
    environment: name.optional().describe("The environment watched (default: production, else the last one)."),
    window: duration.default("7d").describe("The window a run judges when no --since is given: the last one."),
    minRows: external_exports.number().int().min(1).default(DEFAULT_MONITORING_MIN_ROWS).describe('Fewer rows in a window (or labelled rows, for realized metrics) say "not enough rows".'),
    drift: external_exports.strictObject({
      features: external_exports.array(external_exports.string().min(1)).optional().describe("The columns watched (default: the model's features)."),
      prediction: external_exports.boolean().default(true).describe("Watch the drift of the model's prediction too."),
      test: external_exports.enum(["auto", ...driftTests]).default("auto").describe("auto: Evidently's choice by reference size and cardinality."),
      alpha: external_exports.number().gt(0).lt(1).default(0.05).describe("Significance of the p-value tests (ks, chisquare, z), family-wise after the correction."),
      correction: external_exports.enum(["holm", "bonferroni", "benjamini-hochberg", "none"]).default("holm").describe("Multiple-testing correction across the columns' p-values."),
      wasserstein: external_exports.number().positive().default(0.1).describe("Normed Wasserstein distance that is drift."),
      jensenshannon: external_exports.number().positive().default(0.1).describe("Jensen-Shannon distance that is drift."),
      share: external_exports.number().gt(0).max(1).optional().describe("Alert only when this share of the columns drifted (Evidently's dataset drift: 0.5).")
    }).prefault({}),
    gates: external_exports.array(monitoringGateSchema2).default([]),
    onAlert: external_exports.array(external_exports.enum(["issue", "retrain", "rollback"])).default(["issue"]).describe(
      "What an alert does in Actions: a sticky issue, a retraining pull request, a rollback promotion request."
    )
  }).describe("The post-market monitoring plan: windows, minimum rows, drift tests, metric floors, actions.");
  const modelSchema2 = external_exports.strictObject({
    apiVersion: external_exports.literal(API_VERSION),
    kind: external_exports.literal("Model"),
    metadata,
    spec: external_exports.strictObject({
      version: semver,
      description: external_exports.string().optional(),
      owners: external_exports.array(external_exports.string().min(1)).min(1).describe("GitHub logins or org/team slugs."),
      task: external_exports.enum(["binary-classification", "multiclass-classification", "regression"]),
      riskClass: external_exports.enum(["minimal", "limited", "high"]).default("minimal").describe("EU AI Act risk class."),
      artifact: external_exports.strictObject({
        path: location.describe(
          "The ONNX file: a path relative to this manifest's folder, a DVC output (FILE.dvc, or dvc.lock#OUT), or a store URL (s3://, gs://, https://) pinned by sha256."
        ),
        sha256: sha256.optional(),
        sizeBytes: external_exports.number().int().min(0).optional().describe("The artifact's size (written by `modelgate lock` for a remote artifact).")
      }),
      signature: external_exports.strictObject({ inputs: external_exports.array(tensorSpecSchema2).min(1), outputs: external_exports.array(tensorSpecSchema2).min(1) }).optional().describe("The ONNX signature the artifact must have."),
      inputs: external_exports.strictObject({
        mode: external_exports.enum(["tensor", "columns"]).default("tensor").describe("One 2-D tensor of features, or one input per column."),
        tensor: external_exports.string().optional().describe("The input name in tensor mode (default: the model's only input)."),
        features: external_exports.array(external_exports.string().min(1)).min(1).describe("Dataset columns, in the order the model expects them.")
      }).describe("How dataset columns map to the model's inputs."),
      outputs: external_exports.strictObject({
        probability: external_exports.string().optional().describe("The probability (or score) output."),
        label: external_exports.string().optional().describe("The predicted-label output."),
        value: external_exports.string().optional().describe("The regression output.")
      }).default({}),
      label: external_exports.strictObject({
        column: external_exports.string().min(1),
        classes: external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).optional().describe("The classes as the data spells them, in the order of the model's probability columns."),
        positive: external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]).optional().describe("Binary tasks: the positive class."),
        labels: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).optional().describe(
          "Each label in the data \u2192 the model's class, when they are named differently (e.g. {no: 0, yes: 1}). The model's classes are those its graph names (classlabels_*, ZipMap keys), else spec.label.classes, else its column numbers 0, 1, \u2026"
        )
      }),
      threshold: external_exports.number().min(0).max(1).default(0.5),
      training: external_exports.strictObject({
        command: external_exports.array(external_exports.string().min(1)).min(1).describe("argv; no shell unless `shell: true`."),
        shell: external_exports.boolean().default(false),
        workdir: relPath.default("."),
        params: external_exports.record(external_exports.string(), external_exports.unknown()).default({}),
        datasets: external_exports.array(name).default([]),
        output: relPath.optional().describe("Where the command writes the ONNX file (default: the artifact path)."),
        env: external_exports.array(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).default([]).describe("Environment variables passed through."),
        timeoutMinutes: external_exports.number().positive().max(MAX_TIMEOUT_MINUTES).default(60).describe(`Stop the command after this long (at most ${MAX_TIMEOUT_MINUTES} minutes, 24.8 days).`)
      }).optional(),
      evaluation: external_exports.strictObject({
        datasets: external_exports.array(name).min(1),
        slices: external_exports.array(sliceSchema2).default([]),
        minSliceSupport: external_exports.number().int().min(1).default(30),
        nanPolicy: external_exports.enum(["fail", "count"]).default("fail"),
        shards: external_exports.number().int().min(1).max(MAX_SHARDS).optional().describe(
          "Evaluate in this many jobs of the pull request workflow (a matrix: `modelgate plan` lists the shards), merged by `evaluate merge` into the record of one run. Set, it overrides shardRows (shards: 1 keeps one job)."
        ),
        shardRows: external_exports.number().int().min(1).optional().describe(
          `Without shards: split the evaluation automatically when the evaluation dataset's locked row count (its spec.rows, written by \`modelgate lock\`) exceeds this, into ceil(rows / shardRows) jobs (at most ${MAX_SHARDS}). Default ${DEFAULT_SHARD_ROWS_TEXT}.`
        ),
        bootstrap: external_exports.strictObject({
          resamples: external_exports.number().int().min(0).max(MAX_RESAMPLES).default(1e3),
          seed: external_exports.number().int().default(42)
        }).default({ resamples: 1e3, seed: 42 })
      }),
      gates: external_exports.array(gateSchema2).default([]),
      monitoring: monitoringSchema2.optional(),
      approval: approvalOverrideSchema.optional(),
      deployment: external_exports.strictObject({
        target: external_exports.enum(["kserve", "triton"]).default("kserve"),
        replicas: external_exports.number().int().min(0).default(1),
        resources: external_exports.strictObject({
          cpu: external_exports.string().optional(),
          memory: external_exports.string().optional(),
          gpu: external_exports.number().int().min(0).optional()
        }).optional()
      }).default({ target: "kserve", replicas: 1 }),
      card: external_exports.strictObject({
        summary: external_exports.string().optional(),
        intendedUse: external_exports.string().optional(),
        outOfScopeUse: external_exports.string().optional(),
        limitations: external_exports.string().optional(),
        ethicalConsiderations: external_exports.string().optional(),
        humanOversight: external_exports.string().optional().describe("EU AI Act art. 14."),
        postMarketMonitoring: external_exports.string().optional().describe("EU AI Act art. 72."),
        license: external_exports.string().optional(),
        contact: external_exports.string().optional(),
        tags: external_exports.array(external_exports.string()).optional()
      }).default({})
    })
  });
  return { tensorSpecSchema: tensorSpecSchema2, gateSchema: gateSchema2, sliceSchema: sliceSchema2, monitoringGateSchema: monitoringGateSchema2, monitoringSchema: monitoringSchema2, modelSchema: modelSchema2 };
}
var builtModel;
var modelSchemas = () => builtModel ??= buildModel();
var tensorSpecSchema = lazySchema(() => modelSchemas().tensorSpecSchema);
var gateSchema = lazySchema(() => modelSchemas().gateSchema);
var sliceSchema = lazySchema(() => modelSchemas().sliceSchema);
var monitoringGateSchema = lazySchema(() => modelSchemas().monitoringGateSchema);
var monitoringSchema = lazySchema(() => modelSchemas().monitoringSchema);
var modelSchema = lazySchema(() => modelSchemas().modelSchema);
var manifestSchemas = {
  Config: configSchema,
  get Dataset() {
    return datasetSchemas().datasetSchema;
  },
  get Model() {
    return modelSchemas().modelSchema;
  }
};

export { DEFAULT_SHARD_ROWS as D, MAX_TIMEOUT_MINUTES as M, manifestSchemas as a, MAX_RESAMPLES as b, configSchema as c, datasetSchema as d, monitoringSchema as e, driftTests as f, MAX_SHARDS as g, modelSchema as m };
