import { z } from "zod";
import {
  API_VERSION,
  isCompleteDeploy,
  isRelativePath,
  locationProblem,
  PROFILE_DISTINCT_CAP,
  repoPath,
} from "./basics.ts";

export { API_VERSION, PROFILE_DISTINCT_CAP, repoPath };

/**
 * The manifests, in one place. zod is the single source of truth: the TypeScript types below and the JSON Schemas in
 * schemas/ (`npm run schemas`) are derived from these definitions. Objects are strict: an unknown key is an error.
 */

/**
 * A schema exported by name but built on first use: a stand-in that builds it when any of its properties is read
 * (`modelSchema.parse(…)`), then answers for it. Modelgate's own readers take the built schema through
 * `manifestSchemas` and never go through the stand-in.
 */
function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const schema = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(schema(), key),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}

/** The most bootstrap resamples a run may ask for (1,000 is the default; 100,000 already takes minutes per model). */
export const MAX_RESAMPLES = 100_000;

/** The most jobs one model's evaluation may be split into (GitHub runs at most 256 jobs of one matrix). */
export const MAX_SHARDS = 256;

/**
 * Above this many rows (the evaluation Dataset's locked spec.rows), `plan` splits a model's evaluation into
 * ceil(rows / this) shard jobs unless the manifest says otherwise (spec.evaluation.shards, or shardRows).
 */
export const DEFAULT_SHARD_ROWS = 2_000_000;
/**
 * DEFAULT_SHARD_ROWS as `toLocaleString("en-US")` writes it, for the Model schema's description: written out, since
 * the first number formatted through ICU costs about 5 ms of a short command's CPU (test/manifest keeps them equal).
 */
export const DEFAULT_SHARD_ROWS_TEXT = "2,000,000";

/** The longest training timeout: Node.js timers hold at most 2^31-1 ms (24.8 days); a longer one fires at once. */
export const MAX_TIMEOUT_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

const folder = (dflt: string) => z.string().overwrite(repoPath).default(dflt);

const name = z
  .string()
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    "must be lowercase letters, digits and '-', starting and ending alphanumeric (at most 63)",
  )
  .describe("A DNS-1123 label, as Kubernetes names are.");

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits (run `modelgate lock` to fill it)");

/** A version: semver.org's grammar (GTO's too, so that its version tag NAME@vX.Y.Z is one GTO reads). */
export const semver = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/,
    "must be a semantic version such as 1.4.0 (semver.org: no leading zeros, no empty identifiers)",
  );

/** A path inside the repository, relative to the manifest's own folder. */
const relPath = z
  .string()
  .min(1)
  .refine(isRelativePath, "must be a relative path (relative to this manifest's folder)");

/**
 * Where a data file or a model's artifact is: a path relative to the manifest's folder (a `.dvc` file, or
 * `dvc.lock#OUT`, resolves through DVC's remote), or an object in a store (s3://, gs://, https://), pinned by sha256.
 */
const locationRefinement = z.superRefine((p: string, ctx) => {
  const problem = locationProblem(p);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
const location = z.string().min(1).check(locationRefinement);

const metadata = z
  .strictObject({
    name,
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .describe("Kubernetes-style metadata: the object's name and free labels.");

// ---------------------------------------------------------------------------------------------------------------------
// Approval policy (modelgate.yaml spec.approval, overridable in a Model's spec.approval)

const team = z.string().regex(/^[^/\s]+\/[^/\s]+$/, "must be org/team-slug");

const reviewersSchema = z.strictObject({
  users: z.array(z.string().min(1)).default([]).describe("GitHub logins allowed to approve."),
  teams: z.array(team).default([]).describe("Teams (org/team-slug) whose members may approve."),
  codeowners: z.boolean().default(false).describe("Owners of the model's paths in CODEOWNERS may approve."),
});

const riskClassPolicySchema = z
  .partialRecord(
    z.enum(["minimal", "limited", "high"]),
    z.strictObject({
      extraApprovals: z.number().int().min(0).default(0),
      teams: z.array(team).default([]).describe("At least one approval must come from a member of one of these teams."),
    }),
  )
  .describe("More approvals by the model's risk class.");

export const approvalPolicySchema = z
  .strictObject({
    approvals: z.number().int().min(1).default(1).describe("How many distinct allowed reviewers must approve."),
    reviewers: reviewersSchema.default({ users: [], teams: [], codeowners: false }),
    riskClass: riskClassPolicySchema.default({}),
    excludeCommitAuthors: z
      .boolean()
      .default(false)
      .describe(
        "An author or committer of any commit under review may not approve it (whoever pushed the head commit never may).",
      ),
  })
  .describe("Who must approve a model change before it may be promoted.");

/** A model's own spec.approval: each key it writes replaces the repository's; keys it leaves out are inherited. */
export const approvalOverrideSchema = z
  .strictObject({
    approvals: z.number().int().min(1).optional(),
    reviewers: reviewersSchema.optional(),
    riskClass: riskClassPolicySchema.optional(),
    excludeCommitAuthors: z.boolean().optional(),
  })
  .describe(
    "Overrides of modelgate.yaml spec.approval for this model: the keys written here replace the repository's.",
  );
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

const thresholds = z.strictObject({
  psiWarn: z.number().positive().default(0.1).describe("PSI at or above which drift is a warning."),
  psiFail: z.number().positive().default(0.25).describe("PSI at or above which drift is an error."),
});

// ---------------------------------------------------------------------------------------------------------------------
// Config (modelgate.yaml)

export const environmentSchema = z.strictObject({
  name,
  promotion: z
    .enum(["direct", "pull-request"])
    .default("direct")
    .describe("Commit to the overlay directly, or open a PR."),
  requiresTag: z.boolean().default(false).describe("Promotion needs a release tag name@vX.Y.Z (production)."),
  githubEnvironment: z
    .string()
    .optional()
    .describe("The GitHub environment whose reviewers must approve a deployment."),
  requiresApproval: z
    .boolean()
    .default(false)
    .describe("Refuse a release whose workflow run has no approval from the GitHub environment's reviewers."),
  offlineReleases: z
    .boolean()
    .default(false)
    .describe(
      "Accept environment approvals from a facts file (`release --facts`, outside GitHub Actions): `audit verify` flags them otherwise.",
    ),
  namespace: name
    .optional()
    .describe(
      "The Kubernetes namespace this environment's models run in, as the Argo CD Application or Flux Kustomization of spec.deploy.gitops says; default: the environment's name.",
    ),
});

/** The GitOps tools whose objects publish writes per model and environment (spec.deploy.gitops). */
export const GITOPS_TOOLS = ["argocd", "flux"] as const;
export type GitopsTool = (typeof GITOPS_TOOLS)[number];

const deployRefinement = z.superRefine((d: { gitops?: string; argocd: { repoURL?: string } }, ctx) => {
  if (!isCompleteDeploy(d))
    ctx.addIssue({
      code: "custom",
      path: ["argocd", "repoURL"],
      message: "is required with gitops: argocd: the repository Argo CD reads, e.g. https://github.com/acme/models.git",
    });
});

const deploySchema = z
  .strictObject({
    gitops: z
      .enum(GITOPS_TOOLS)
      .optional()
      .describe(
        "Also write, per model and environment, deploy/<model>/gitops/<env>.yaml: an Argo CD Application (argocd) or a Flux Kustomization (flux) that syncs the environment's overlay into its namespace. Absent: none.",
      ),
    argocd: z
      .strictObject({
        repoURL: z
          .string()
          .min(1)
          .optional()
          .describe(
            "The GitOps repository as Argo CD reads it, e.g. https://github.com/acme/models.git (required with gitops: argocd).",
          ),
        targetRevision: z
          .string()
          .min(1)
          .optional()
          .describe("The branch Argo CD follows; default: the branch publish and release commit to."),
        namespace: name.default("argocd").describe("The namespace Argo CD's Applications live in."),
        project: z.string().min(1).default("default").describe("The Argo CD project."),
        server: z
          .string()
          .min(1)
          .default("https://kubernetes.default.svc")
          .describe("The cluster the models run in (Argo CD's destination.server)."),
      })
      .prefault({}),
    flux: z
      .strictObject({
        namespace: name.default("flux-system").describe("The namespace Flux's Kustomizations live in."),
        sourceRef: z
          .strictObject({
            kind: z.enum(["GitRepository", "OCIRepository", "Bucket"]).default("GitRepository"),
            name: name.default("flux-system"),
          })
          .prefault({})
          .describe("The Flux source holding the GitOps repository (flux bootstrap makes GitRepository flux-system)."),
        interval: z
          .string()
          .regex(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, "must be a duration such as 10m or 1h30m")
          .default("10m")
          .describe("How often Flux reconciles the overlay."),
      })
      .prefault({}),
  })
  .check(deployRefinement)
  .prefault({})
  .describe("How the clusters pick up the overlays (publish writes the objects that sync them).");

/** The KServe releases whose storage-URI schemes modelgate knows (the first is the default: the latest release). */
export const KSERVE_RELEASES = ["0.20.0"] as const;
export type KserveRelease = (typeof KSERVE_RELEASES)[number];
/** How the clusters read a model image: KServe's modelcar sidecar (oci://) or a Kubernetes image volume (oci+native://). */
export const KSERVE_STORAGE = ["modelcar", "image-volume"] as const;
export type KserveStorage = (typeof KSERVE_STORAGE)[number];

const kserveSchema = z
  .strictObject({
    version: z
      .enum(KSERVE_RELEASES)
      .default(KSERVE_RELEASES[0])
      .describe("The KServe release the clusters run: the overlays use only storage-URI schemes it accepts."),
    storage: z
      .enum(KSERVE_STORAGE)
      .default("modelcar")
      .describe(
        "modelcar: storageUri oci://, KServe runs the image as a sidecar (its base needs sh, mkdir, ln, sleep; " +
          "default base busybox). image-volume: oci+native://, mounted as a Kubernetes image volume (Kubernetes " +
          ">= 1.33 with the ImageVolume feature; any base, scratch by default).",
      ),
  })
  .prefault({})
  .describe("How KServe serves the model images (target: kserve).");

export const configSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("Config"),
  metadata,
  spec: z
    .strictObject({
      registry: z
        .string()
        .optional()
        .describe("OCI repository prefix for model images, e.g. ghcr.io/acme/models; absent: a local OCI layout."),
      base: z
        .strictObject({
          image: z
            .string()
            .describe(
              "Base image: a registry reference, oci:DIR[:NAME] (a layout; relative to the repository root) or scratch. " +
                "A modelcar's base needs sh, mkdir, ln and sleep. Default: busybox (modelcar) or scratch (image-volume).",
            ),
          digest: z
            .string()
            .regex(/^sha256:[0-9a-f]{64}$/)
            .optional(),
        })
        .optional(),
      kserve: kserveSchema,
      deploy: deploySchema,
      environments: z.array(environmentSchema).default([
        { name: "staging", promotion: "direct", requiresTag: false, requiresApproval: false, offlineReleases: false },
        { name: "production", promotion: "direct", requiresTag: true, requiresApproval: false, offlineReleases: false },
      ]),
      approval: approvalPolicySchema.default({
        approvals: 1,
        reviewers: { users: [], teams: [], codeowners: false },
        riskClass: {},
        excludeCommitAuthors: false,
      }),
      releasers: z
        .strictObject({ users: z.array(z.string()).default([]), teams: z.array(z.string()).default([]) })
        .default({ users: [], teams: [] })
        .describe("Who may tag releases."),
      drift: thresholds.default({ psiWarn: 0.1, psiFail: 0.25 }),
      paths: z
        .strictObject({
          models: folder("models"),
          data: folder("data"),
          deploy: folder("deploy"),
          records: folder("records").describe("Where publish and release keep the promotion ledger."),
        })
        .default({ models: "models", data: "data", deploy: "deploy", records: "records" }),
      gitops: z
        .strictObject({
          remote: z
            .string()
            .optional()
            .describe("A separate repository (git URL or path) for deploy/ and records/; default: this repository."),
          branch: z
            .string()
            .optional()
            .describe("The branch publish and release commit to; default: the default branch."),
        })
        .default({})
        .describe("Where the GitOps files and promotion records are committed."),
      identity: z
        .strictObject({
          name: z.string().min(1).default("modelgate[bot]"),
          email: z.string().min(1).default("modelgate-bot@users.noreply.github.com"),
        })
        .default({ name: "modelgate[bot]", email: "modelgate-bot@users.noreply.github.com" })
        .describe("The author and committer of the commits and tags modelgate makes."),
      github: z
        .strictObject({
          app: z
            .string()
            .min(1)
            .default("github-actions")
            .describe(
              "The GitHub App whose token modelgate's report and approve jobs run with (GITHUB_TOKEN: github-actions): publish accepts the check runs `modelgate / MODEL` only from it.",
            ),
          statusCreator: z
            .string()
            .min(1)
            .optional()
            .describe(
              "The login that sets the `modelgate/approval` status (default: the app's bot, <app>[bot]): publish accepts the status only from it.",
            ),
        })
        .default({ app: "github-actions" })
        .describe("The identity modelgate's own jobs run as on GitHub, which publish trusts and nobody else."),
      storage: z
        .strictObject({
          s3: z
            .strictObject({
              forcePathStyle: z
                .boolean()
                .optional()
                .describe(
                  "Address buckets as ENDPOINT/BUCKET/KEY, as most S3-compatible stores (MinIO, Ceph) want; MODELGATE_S3_FORCE_PATH_STYLE=1 does the same. The endpoint comes from AWS_ENDPOINT_URL_S3, credentials from the AWS SDK's default chain.",
                ),
            })
            .optional(),
        })
        .optional()
        .describe(
          "How remote data and artifacts are read (never credentials: those come from each store's own chain).",
        ),
      allowWarn: z
        .boolean()
        .default(true)
        .describe("Publish a model whose gates ended in warnings (never one with a failed gate)."),
      attest: z
        .enum(["required", "optional", "off"])
        .optional()
        .describe(
          "Sign each publish and release (in-toto Statements in Sigstore bundles): required refuses to promote unsigned; optional signs when a key or an OIDC token is at hand; off never signs. Default: required in GitHub Actions when the job has an OIDC token (id-token: write), else optional.",
        ),
      trustPolicy: z
        .string()
        .optional()
        .describe(
          "A trust policy file (relative to modelgate.yaml): whose signatures `audit verify` accepts when --trust is not given. An auditor passes their own copy with --trust: this one is only as trustworthy as push access.",
        ),
    })
    .prefault({}),
});
export type Config = z.infer<typeof configSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Dataset (data/<name>.yaml)

export const columnTypes = ["float", "integer", "string", "boolean"] as const;
export type ColumnType = (typeof columnTypes)[number];

/** The Dataset schemas, built on first use (building them costs a command that never reads a Dataset manifest). */
function buildDataset() {
  const columnSchema = z.strictObject({
    name: z.string().min(1),
    type: z.enum(columnTypes),
    role: z.enum(["feature", "label", "id", "slice", "ignore"]).default("feature"),
    nullable: z.boolean().default(false),
    maxNullFraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("Largest allowed fraction of nulls (nullable columns)."),
    min: z.number().optional().describe("The smallest valid value: a smaller one is an error."),
    max: z.number().optional().describe("The largest valid value: a larger one is an error."),
    expected: z
      .strictObject({ min: z.number().optional(), max: z.number().optional() })
      .optional()
      .describe(
        "The range the values are expected in (`modelgate init` writes the data's range with headroom): a value outside it is a warning, not an error.",
      ),
    values: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe("The allowed values."),
    unique: z.boolean().default(false),
    description: z.string().optional(),
  });

  const numericProfileSchema = z.strictObject({
    kind: z.literal("numeric"),
    /** Bin edges (ascending); bins are (-inf, e0], (e0, e1], …, (e_last, +inf). */
    edges: z.array(z.number()),
    /** Fraction of non-null rows in each bin: edges.length + 1 entries. */
    fractions: z.array(z.number().min(0).max(1)),
    nullFraction: z.number().min(0).max(1),
    count: z.number().int().min(0).optional().describe("Non-null rows counted (what p-value drift tests need)."),
    distinct: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        `Distinct non-null values, counted up to ${PROFILE_DISTINCT_CAP + 1} (${PROFILE_DISTINCT_CAP + 1}: more than ${PROFILE_DISTINCT_CAP}).`,
      ),
    mean: z.number().optional(),
    std: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  });
  const categoricalProfileSchema = z.strictObject({
    kind: z.literal("categorical"),
    /** Fraction of non-null rows per value; values beyond the most frequent are pooled under "__other__". */
    fractions: z.record(z.string(), z.number().min(0).max(1)),
    nullFraction: z.number().min(0).max(1),
    count: z.number().int().min(0).optional().describe("Non-null rows counted (what p-value drift tests need)."),
    distinct: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        `Distinct non-null values, counted up to ${PROFILE_DISTINCT_CAP + 1} (${PROFILE_DISTINCT_CAP + 1}: more than ${PROFILE_DISTINCT_CAP}).`,
      ),
  });
  const profileSchema = z.record(z.string(), z.union([numericProfileSchema, categoricalProfileSchema]));

  const datasheetSchema = z
    .strictObject({
      motivation: z.string().optional(),
      composition: z.string().optional(),
      collection: z.string().optional(),
      preprocessing: z.string().optional(),
      uses: z.string().optional(),
      distribution: z.string().optional(),
      maintenance: z.string().optional(),
      license: z.string().optional(),
      personalData: z.string().optional().describe("Whether and which personal data the dataset holds, and its basis."),
      knownBiases: z.string().optional(),
    })
    .describe("Datasheets for Datasets / Croissant RAI fields.");

  const datasetSchema = z.strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal("Dataset"),
    metadata,
    spec: z.strictObject({
      path: location.describe(
        "The data file: a path relative to this manifest's folder, a DVC output (FILE.dvc, or dvc.lock#OUT), or a store URL (s3://BUCKET/KEY, gs://BUCKET/KEY, https://…) pinned by sha256.",
      ),
      format: z.enum(["csv", "jsonl", "parquet"]).optional().describe("Default: from the file extension."),
      csv: z
        .strictObject({
          // the same list as CSV_DELIMITERS in src/data/batch.ts (a test checks that they agree)
          delimiter: z
            .enum([",", ";", "\t", "|"])
            .default(",")
            .describe('The field separator: "," (the default), ";", "\\t" (tab) or "|".'),
        })
        .optional()
        .describe("How a CSV file is written, when it is not comma-separated."),
      sha256: sha256.optional(),
      sizeBytes: z.number().int().min(0).optional(),
      blocks: z
        .strictObject({
          size: z
            .number()
            .int()
            .min(4096)
            .describe("Bytes per block (the last block is shorter). Default: 67108864 (64 MiB)."),
          sha256: z
            .array(sha256)
            .optional()
            .describe("The sha256 of each block, in order (written by `modelgate lock`)."),
        })
        .optional()
        .describe(
          "Per-block digests of the file (written by `modelgate lock` for files larger than one block, or when spec.blocks.size is set): a shard job of a remote file fetches and checks only the blocks of its part.",
        ),
      rows: z.number().int().min(0).optional(),
      columns: z.array(columnSchema).min(1),
      checks: z
        .strictObject({
          minRows: z.number().int().min(0).optional(),
          maxRows: z.number().int().min(0).optional(),
          uniqueBy: z.array(z.string()).optional().describe("Columns whose combination must be unique."),
        })
        .optional(),
      profile: profileSchema.optional().describe("Statistical profile for drift checks (written by `modelgate lock`)."),
      drift: thresholds
        .partial()
        .extend({
          reference: name
            .optional()
            .describe("Compare this dataset with that dataset's profile (e.g. a new month against the training data)."),
        })
        .optional()
        .describe("Drift thresholds for this dataset, and the dataset it is compared with."),
      datasheet: datasheetSchema.optional(),
    }),
  });
  return {
    columnSchema,
    numericProfileSchema,
    categoricalProfileSchema,
    profileSchema,
    datasheetSchema,
    datasetSchema,
  };
}
let builtDataset: ReturnType<typeof buildDataset> | undefined;
const datasetSchemas = () => (builtDataset ??= buildDataset());
export const columnSchema = lazySchema(() => datasetSchemas().columnSchema);
export const numericProfileSchema = lazySchema(() => datasetSchemas().numericProfileSchema);
export const categoricalProfileSchema = lazySchema(() => datasetSchemas().categoricalProfileSchema);
export const profileSchema = lazySchema(() => datasetSchemas().profileSchema);
export const datasheetSchema = lazySchema(() => datasetSchemas().datasheetSchema);
export const datasetSchema = lazySchema(() => datasetSchemas().datasetSchema);
export type Column = z.infer<typeof columnSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

// ---------------------------------------------------------------------------------------------------------------------
// Model (models/<name>/model.yaml)

/** Rows a monitoring window needs before its drift is judged (measured: README, "Monitoring"). */
export const DEFAULT_MONITORING_MIN_ROWS = 1000;
export const driftTests = ["ks", "chisquare", "z", "wasserstein", "jensenshannon"] as const;

/** The Model schemas, built on first use (building them costs a command that never reads a Model manifest). */
function buildModel() {
  const tensorSpecSchema = z.strictObject({
    name: z.string().min(1),
    type: z.string().min(1).describe("float32, float64, int64, string, bool, … or seq(map(int64,float32)) for ZipMap"),
    shape: z
      .array(z.union([z.number().int(), z.string()]))
      .optional()
      .describe("-1 or a name for dynamic dimensions"),
  });

  const gateSchema = z.union([
    z.strictObject({
      metric: z.string().min(1),
      min: z.number().optional(),
      max: z.number().optional(),
      maxDrop: z
        .number()
        .min(0)
        .optional()
        .describe("Largest allowed drop against the baseline, judged on the paired CI."),
      maxRise: z
        .number()
        .min(0)
        .optional()
        .describe("Largest allowed rise against the baseline (for losses, latency)."),
      severity: z.enum(["fail", "warn"]).default("fail"),
    }),
    z.strictObject({
      sliceGap: z.string().min(1).describe("The metric whose spread across slices is bounded, e.g. recall."),
      over: z.string().min(1).describe("The slice column."),
      max: z.number().min(0),
      severity: z.enum(["fail", "warn"]).default("fail"),
    }),
  ]);

  const sliceSchema = z.strictObject({
    column: z.string().min(1),
    buckets: z.array(z.number()).optional().describe("Bucket edges for a numeric column."),
  });

  // ---------------------------------------------------------------------------------------------------------------------
  // Monitoring (models/<name>/model.yaml spec.monitoring): the post-market monitoring plan (EU AI Act art. 72)

  const duration = z
    .string()
    .regex(/^[1-9]\d*(m|h|d|w)$/, "must be a duration: a whole number and m, h, d or w (30m, 12h, 7d, 2w)");

  const monitoringGateSchema = z.strictObject({
    metric: z
      .string()
      .min(1)
      .describe(
        "An evaluation metric (roc_auc, recall, precision, f1, accuracy, …, named as in the evaluation record), latency_p50_ms, latency_p95_ms, latency_p99_ms or error_rate.",
      ),
    min: z.number().optional(),
    max: z.number().optional(),
    maxDrop: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Largest allowed drop against the evaluation record of the version that runs (judged on the interval).",
      ),
    maxRise: z.number().min(0).optional().describe("Largest allowed rise against the evaluation record."),
    severity: z.enum(["fail", "warn"]).default("fail"),
    estimated: z
      .boolean()
      .default(true)
      .describe("Judge the CBPE estimate while no labels have arrived (binary classification)."),
  });

  const monitoringSchema = z
    .strictObject({
      environment: name.optional().describe("The environment watched (default: production, else the last one)."),
      window: duration.default("7d").describe("The window a run judges when no --since is given: the last one."),
      minRows: z
        .number()
        .int()
        .min(1)
        .default(DEFAULT_MONITORING_MIN_ROWS)
        .describe('Fewer rows in a window (or labelled rows, for realized metrics) say "not enough rows".'),
      drift: z
        .strictObject({
          features: z
            .array(z.string().min(1))
            .optional()
            .describe("The columns watched (default: the model's features)."),
          prediction: z.boolean().default(true).describe("Watch the drift of the model's prediction too."),
          test: z
            .enum(["auto", ...driftTests])
            .default("auto")
            .describe("auto: Evidently's choice by reference size and cardinality."),
          alpha: z
            .number()
            .gt(0)
            .lt(1)
            .default(0.05)
            .describe("Significance of the p-value tests (ks, chisquare, z), family-wise after the correction."),
          correction: z
            .enum(["holm", "bonferroni", "benjamini-hochberg", "none"])
            .default("holm")
            .describe("Multiple-testing correction across the columns' p-values."),
          wasserstein: z.number().positive().default(0.1).describe("Normed Wasserstein distance that is drift."),
          jensenshannon: z.number().positive().default(0.1).describe("Jensen-Shannon distance that is drift."),
          share: z
            .number()
            .gt(0)
            .max(1)
            .optional()
            .describe("Alert only when this share of the columns drifted (Evidently's dataset drift: 0.5)."),
        })
        .prefault({}),
      gates: z.array(monitoringGateSchema).default([]),
      onAlert: z
        .array(z.enum(["issue", "retrain", "rollback"]))
        .default(["issue"])
        .describe(
          "What an alert does in Actions: a sticky issue, a retraining pull request, a rollback promotion request.",
        ),
    })
    .describe("The post-market monitoring plan: windows, minimum rows, drift tests, metric floors, actions.");

  const modelSchema = z.strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal("Model"),
    metadata,
    spec: z.strictObject({
      version: semver,
      description: z.string().optional(),
      owners: z.array(z.string().min(1)).min(1).describe("GitHub logins or org/team slugs."),
      task: z.enum(["binary-classification", "multiclass-classification", "regression"]),
      riskClass: z.enum(["minimal", "limited", "high"]).default("minimal").describe("EU AI Act risk class."),
      artifact: z.strictObject({
        path: location.describe(
          "The ONNX file: a path relative to this manifest's folder, a DVC output (FILE.dvc, or dvc.lock#OUT), or a store URL (s3://, gs://, https://) pinned by sha256.",
        ),
        sha256: sha256.optional(),
        sizeBytes: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe("The artifact's size (written by `modelgate lock` for a remote artifact)."),
      }),
      signature: z
        .strictObject({ inputs: z.array(tensorSpecSchema).min(1), outputs: z.array(tensorSpecSchema).min(1) })
        .optional()
        .describe("The ONNX signature the artifact must have."),
      inputs: z
        .strictObject({
          mode: z
            .enum(["tensor", "columns"])
            .default("tensor")
            .describe("One 2-D tensor of features, or one input per column."),
          tensor: z.string().optional().describe("The input name in tensor mode (default: the model's only input)."),
          features: z.array(z.string().min(1)).min(1).describe("Dataset columns, in the order the model expects them."),
        })
        .describe("How dataset columns map to the model's inputs."),
      outputs: z
        .strictObject({
          probability: z.string().optional().describe("The probability (or score) output."),
          label: z.string().optional().describe("The predicted-label output."),
          value: z.string().optional().describe("The regression output."),
        })
        .default({}),
      label: z.strictObject({
        column: z.string().min(1),
        classes: z
          .array(z.union([z.string(), z.number(), z.boolean()]))
          .optional()
          .describe("The classes as the data spells them, in the order of the model's probability columns."),
        positive: z
          .union([z.string(), z.number(), z.boolean()])
          .optional()
          .describe("Binary tasks: the positive class."),
        labels: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
          .optional()
          .describe(
            "Each label in the data → the model's class, when they are named differently (e.g. {no: 0, yes: 1}). The model's classes are those its graph names (classlabels_*, ZipMap keys), else spec.label.classes, else its column numbers 0, 1, …",
          ),
      }),
      threshold: z.number().min(0).max(1).default(0.5),
      training: z
        .strictObject({
          command: z.array(z.string().min(1)).min(1).describe("argv; no shell unless `shell: true`."),
          shell: z.boolean().default(false),
          workdir: relPath.default("."),
          params: z.record(z.string(), z.unknown()).default({}),
          datasets: z.array(name).default([]),
          output: relPath.optional().describe("Where the command writes the ONNX file (default: the artifact path)."),
          env: z
            .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/))
            .default([])
            .describe("Environment variables passed through."),
          timeoutMinutes: z
            .number()
            .positive()
            .max(MAX_TIMEOUT_MINUTES)
            .default(60)
            .describe(`Stop the command after this long (at most ${MAX_TIMEOUT_MINUTES} minutes, 24.8 days).`),
        })
        .optional(),
      evaluation: z.strictObject({
        datasets: z.array(name).min(1),
        slices: z.array(sliceSchema).default([]),
        minSliceSupport: z.number().int().min(1).default(30),
        nanPolicy: z.enum(["fail", "count"]).default("fail"),
        shards: z
          .number()
          .int()
          .min(1)
          .max(MAX_SHARDS)
          .optional()
          .describe(
            "Evaluate in this many jobs of the pull request workflow (a matrix: `modelgate plan` lists the shards), merged by `evaluate merge` into the record of one run. Set, it overrides shardRows (shards: 1 keeps one job).",
          ),
        shardRows: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe(
            `Without shards: split the evaluation automatically when the evaluation dataset's locked row count (its spec.rows, written by \`modelgate lock\`) exceeds this, into ceil(rows / shardRows) jobs (at most ${MAX_SHARDS}). Default ${DEFAULT_SHARD_ROWS_TEXT}.`,
          ),
        bootstrap: z
          .strictObject({
            resamples: z.number().int().min(0).max(MAX_RESAMPLES).default(1000),
            seed: z.number().int().default(42),
          })
          .default({ resamples: 1000, seed: 42 }),
      }),
      gates: z.array(gateSchema).default([]),
      monitoring: monitoringSchema.optional(),
      approval: approvalOverrideSchema.optional(),
      deployment: z
        .strictObject({
          target: z.enum(["kserve", "triton"]).default("kserve"),
          replicas: z.number().int().min(0).default(1),
          resources: z
            .strictObject({
              cpu: z.string().optional(),
              memory: z.string().optional(),
              gpu: z.number().int().min(0).optional(),
            })
            .optional(),
        })
        .default({ target: "kserve", replicas: 1 }),
      card: z
        .strictObject({
          summary: z.string().optional(),
          intendedUse: z.string().optional(),
          outOfScopeUse: z.string().optional(),
          limitations: z.string().optional(),
          ethicalConsiderations: z.string().optional(),
          humanOversight: z.string().optional().describe("EU AI Act art. 14."),
          postMarketMonitoring: z.string().optional().describe("EU AI Act art. 72."),
          license: z.string().optional(),
          contact: z.string().optional(),
          tags: z.array(z.string()).optional(),
        })
        .default({}),
    }),
  });
  return { tensorSpecSchema, gateSchema, sliceSchema, monitoringGateSchema, monitoringSchema, modelSchema };
}
let builtModel: ReturnType<typeof buildModel> | undefined;
const modelSchemas = () => (builtModel ??= buildModel());
export const tensorSpecSchema = lazySchema(() => modelSchemas().tensorSpecSchema);
export const gateSchema = lazySchema(() => modelSchemas().gateSchema);
export const sliceSchema = lazySchema(() => modelSchemas().sliceSchema);
export const monitoringGateSchema = lazySchema(() => modelSchemas().monitoringGateSchema);
export const monitoringSchema = lazySchema(() => modelSchemas().monitoringSchema);
export const modelSchema = lazySchema(() => modelSchemas().modelSchema);
export type Gate = z.infer<typeof gateSchema>;
export type DriftTestName = (typeof driftTests)[number];
export type MonitoringGate = z.infer<typeof monitoringGateSchema>;
export type Monitoring = z.infer<typeof monitoringSchema>;
export type Model = z.infer<typeof modelSchema>;

/** The schema of each kind of manifest; a kind's schemas are built when first asked for. */
export const manifestSchemas = {
  Config: configSchema,
  get Dataset() {
    return datasetSchemas().datasetSchema;
  },
  get Model() {
    return modelSchemas().modelSchema;
  },
} as const;
export type Kind = keyof typeof manifestSchemas;

/**
 * The schemas' own functions, for the checks generated from them (./schema-check.ts, `npm run schemas`) to import by
 * name: an overwrite's and a refinement's function, and for a superRefine (whose function zod wraps) its check
 * object, with a predicate true exactly when it adds no issue.
 */
export const schemaFunctions = new Map<unknown, { name: string; from: string }>([
  [repoPath, { name: "repoPath", from: "./basics.ts" }],
  [isRelativePath, { name: "isRelativePath", from: "./basics.ts" }],
  [locationRefinement, { name: "isLocation", from: "./basics.ts" }],
  [deployRefinement, { name: "isCompleteDeploy", from: "./basics.ts" }],
]);
