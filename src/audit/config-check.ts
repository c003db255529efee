import { API_VERSION, repoPath } from "../manifest/basics.ts";

/**
 * modelgate.yaml's value (as the YAML reader gives it) checked against the Config schema (../manifest/schema.ts
 * configSchema) without loading zod or the schemas: the parts of it that audit reads, when the schema accepts the whole
 * document, else undefined, and the caller asks zod (which words the error). It only ever accepts what the schema
 * accepts, and gives what ./history.ts configFrom makes of the schema's value (test/audit/head-config.unit.test.ts
 * compares both on every field's valid and invalid values); anything it is not sure of (a value YAML cannot give,
 * an unusual one) it leaves to zod.
 */

/** The parts of modelgate.yaml (at the audited commit) that audit reads. */
export interface AuditConfig {
  records: string;
  deploy: string;
  models: string;
  data: string;
  identity: { name: string; email: string };
  environments: { name: string; requiresApproval: boolean; offlineReleases?: boolean }[];
  /** Where publish and release commit (spec.gitops); null: this repository, its default branch. */
  gitops: { remote: string | null; branch: string | null };
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === "string";
const nonEmpty = (x: unknown): x is string => typeof x === "string" && x.length >= 1;
const isBool = (x: unknown): x is boolean => typeof x === "boolean";
const oneOf =
  (...values: string[]) =>
  (x: unknown) =>
    typeof x === "string" && values.includes(x);
const matches = (re: RegExp) => (x: unknown) => typeof x === "string" && re.test(x);
const int = (min: number) => (x: unknown) => typeof x === "number" && Number.isSafeInteger(x) && x >= min;
const positive = (x: unknown) => typeof x === "number" && Number.isFinite(x) && x > 0;
const listOf = (item: (x: unknown) => boolean) => (x: unknown) => Array.isArray(x) && x.every(item);
const recordOf = (value: (x: unknown) => boolean, keys?: string[]) => (x: unknown) =>
  isObj(x) && Object.keys(x).every((k) => k !== "__proto__" && (!keys || keys.includes(k)) && value(x[k]));

/** A strict object whose keys are all optional: only these keys, each valid. */
const strict =
  (fields: Record<string, (x: unknown) => boolean>, required: string[] = []) =>
  (x: unknown) =>
    isObj(x) &&
    required.every((k) => Object.hasOwn(x, k)) &&
    Object.keys(x).every((k) => Object.hasOwn(fields, k) && fields[k](x[k]));

/** A DNS-1123 label (the schema's `name`). */
const name = matches(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
const team = matches(/^[^/\s]+\/[^/\s]+$/);
const digest = matches(/^sha256:[0-9a-f]{64}$/);

const environment = strict(
  {
    name,
    promotion: oneOf("direct", "pull-request"),
    requiresTag: isBool,
    githubEnvironment: isString,
    requiresApproval: isBool,
    offlineReleases: isBool,
    namespace: name,
  },
  ["name"],
);

const deploy = (x: unknown) =>
  strict({
    gitops: oneOf("argocd", "flux"),
    argocd: strict({
      repoURL: nonEmpty,
      targetRevision: nonEmpty,
      namespace: name,
      project: nonEmpty,
      server: nonEmpty,
    }),
    flux: strict({
      namespace: name,
      sourceRef: strict({ kind: oneOf("GitRepository", "OCIRepository", "Bucket"), name }),
      interval: matches(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/),
    }),
  })(x) &&
  // the schema's refinement: Argo CD's objects need the repository it reads
  ((x as Obj).gitops !== "argocd" || nonEmpty(((x as Obj).argocd as Obj | undefined)?.repoURL));

const spec = strict({
  registry: isString,
  base: strict({ image: isString, digest }, ["image"]),
  kserve: strict({ version: oneOf("0.20.0"), storage: oneOf("modelcar", "image-volume") }),
  deploy,
  environments: listOf(environment),
  approval: strict({
    approvals: int(1),
    reviewers: strict({ users: listOf(nonEmpty), teams: listOf(team), codeowners: isBool }),
    riskClass: recordOf(strict({ extraApprovals: int(0), teams: listOf(team) }), ["minimal", "limited", "high"]),
    excludeCommitAuthors: isBool,
  }),
  releasers: strict({ users: listOf(isString), teams: listOf(isString) }),
  drift: strict({ psiWarn: positive, psiFail: positive }),
  paths: strict({ models: isString, data: isString, deploy: isString, records: isString }),
  gitops: strict({ remote: isString, branch: isString }),
  identity: strict({ name: nonEmpty, email: nonEmpty }),
  github: strict({ app: nonEmpty, statusCreator: nonEmpty }),
  storage: strict({ s3: strict({ forcePathStyle: isBool }) }),
  allowWarn: isBool,
  attest: oneOf("required", "optional", "off"),
  trustPolicy: isString,
});

const config = strict(
  {
    apiVersion: (x) => x === API_VERSION,
    kind: (x) => x === "Config",
    metadata: strict({ name, labels: recordOf(isString), annotations: recordOf(isString) }, ["name"]),
    spec,
  },
  ["apiVersion", "kind", "metadata"],
);

/** What audit reads of a valid modelgate.yaml's value (with the schema's defaults), or undefined: ask zod. */
export function auditConfigOf(raw: unknown): AuditConfig | undefined {
  if (!config(raw)) return undefined;
  const s = ((raw as Obj).spec ?? {}) as Obj;
  const paths = (s.paths ?? {}) as Record<string, string | undefined>;
  const identity = (s.identity ?? {}) as Record<string, string | undefined>;
  const gitops = (s.gitops ?? {}) as Record<string, string | undefined>;
  const environments = (s.environments ?? DEFAULT_ENVIRONMENTS) as Obj[];
  return {
    // a configured folder as the schema normalises it (a default is taken as written)
    records: paths.records === undefined ? "records" : repoPath(paths.records),
    deploy: paths.deploy === undefined ? "deploy" : repoPath(paths.deploy),
    models: paths.models === undefined ? "models" : repoPath(paths.models),
    data: paths.data === undefined ? "data" : repoPath(paths.data),
    identity: {
      name: identity.name ?? "modelgate[bot]",
      email: identity.email ?? "modelgate-bot@users.noreply.github.com",
    },
    environments: environments.map((e) => ({
      name: e.name as string,
      requiresApproval: e.requiresApproval === true,
      ...(e.offlineReleases === true ? { offlineReleases: true } : {}),
    })),
    gitops: { remote: gitops.remote ?? null, branch: gitops.branch ?? null },
  };
}

/** The schema's default environments (spec.environments absent), as much of them as audit reads. */
const DEFAULT_ENVIRONMENTS = [{ name: "staging" }, { name: "production" }];

/** What audit reads of the configuration when modelgate.yaml is absent or not used: the schema's defaults. */
export const defaultAuditConfig = (): AuditConfig =>
  auditConfigOf({ apiVersion: API_VERSION, kind: "Config", metadata: { name: "audit" } }) as AuditConfig;
