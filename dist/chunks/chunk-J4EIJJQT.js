import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  canonicalJson,
  canonicalOf,
  recordDigest,
  sha256Of
} from "./chunk-6E32F27Q.js";
import {
  API_VERSION
} from "./chunk-OHXYSI3I.js";
import {
  external_exports
} from "./chunk-S43IQFRZ.js";

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

// src/records/compiled.ts
var DEFER = /* @__PURE__ */ Symbol("defer");
var Unsupported = class extends Error {
};
var isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
function checksOf(def) {
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    if (c.check === "string_format" && c.format === "regex" && c.pattern && !c.pattern.global && !c.pattern.sticky) {
      const re = c.pattern;
      return (x) => re.test(x);
    }
    if (c.check === "min_length" && typeof c.minimum === "number") {
      const min = c.minimum;
      return (x) => x.length >= min;
    }
    if (c.check === "number_format" && c.format === "safeint") return (x) => Number.isSafeInteger(x);
    if (c.check === "greater_than" && typeof c.value === "number") {
      const v = c.value;
      return c.inclusive ? (x) => x >= v : (x) => x > v;
    }
    throw new Unsupported(c.check);
  });
}
function compileDef(schema) {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      const checks = checksOf(def);
      return (x) => typeof x === "string" && checks.every((c) => c(x)) ? x : DEFER;
    }
    case "number": {
      const checks = checksOf(def);
      return (x) => typeof x === "number" && Number.isFinite(x) && checks.every((c) => c(x)) ? x : DEFER;
    }
    case "boolean":
      if (def.checks?.length) throw new Unsupported("boolean checks");
      return (x) => typeof x === "boolean" ? x : DEFER;
    case "literal": {
      const values = def.values ?? [];
      if (def.checks?.length || !values.every((v) => typeof v === "string" || typeof v === "number"))
        throw new Unsupported("literal");
      const allowed = new Set(values);
      return (x) => allowed.has(x) ? x : DEFER;
    }
    case "enum": {
      const values = Object.values(def.entries ?? {});
      if (def.checks?.length || !values.every((v) => typeof v === "string")) throw new Unsupported("enum");
      const allowed = new Set(values);
      return (x) => allowed.has(x) ? x : DEFER;
    }
    case "nullable": {
      const inner = compileDef(def.innerType);
      return (x) => x === null ? null : inner(x);
    }
    case "optional": {
      const inner = compileDef(def.innerType);
      return (x) => x === void 0 ? void 0 : inner(x);
    }
    case "array": {
      const element = compileDef(def.element);
      const checks = checksOf(def);
      return (x) => {
        if (!Array.isArray(x) || !checks.every((c) => c(x))) return DEFER;
        const out = new Array(x.length);
        for (let i = 0; i < x.length; i++) {
          const v = element(x[i]);
          if (v === DEFER) return DEFER;
          out[i] = v;
        }
        return out;
      };
    }
    case "record": {
      const key = def.keyType?._zod.def;
      if (def.checks?.length || key?.type !== "string" || key.checks?.length) throw new Unsupported("record");
      const value = compileDef(def.valueType);
      return (x) => {
        if (!isObject(x)) return DEFER;
        const out = {};
        for (const k of Object.keys(x)) {
          if (k === "__proto__") return DEFER;
          const v = value(x[k]);
          if (v === DEFER) return DEFER;
          out[k] = v;
        }
        return out;
      };
    }
    case "object":
      return compileObject(def);
    case "union": {
      const tag = def.discriminator;
      if (def.checks?.length || tag === void 0) throw new Unsupported("union without a discriminator");
      const options = (def.options ?? []).map((o) => {
        const literal = o._zod.def.shape?.[tag]?._zod.def;
        if (literal?.type !== "literal") throw new Unsupported("discriminator");
        return { values: literal.values ?? [], check: compileDef(o) };
      });
      return (x) => {
        if (!isObject(x)) return DEFER;
        const matching = options.filter((o) => o.values.includes(x[tag]));
        return matching.length === 1 ? matching[0].check(x) : DEFER;
      };
    }
    default:
      throw new Unsupported(def.type);
  }
}
function compileObject(def) {
  if (def.checks?.length || def.catchall?._zod.def.type !== "never") throw new Unsupported("object that is not strict");
  const fields = Object.entries(def.shape ?? {}).map(([key, s]) => ({
    key,
    optional: s._zod.def.type === "optional",
    check: compileDef(s)
  }));
  const known = new Set(fields.map((f) => f.key));
  return (x) => {
    if (!isObject(x)) return DEFER;
    let present = 0;
    const out = {};
    for (const f of fields) {
      if (!Object.hasOwn(x, f.key)) {
        if (f.optional) continue;
        return DEFER;
      }
      present++;
      const v = f.check(x[f.key]);
      if (v === DEFER || v === void 0) return DEFER;
      out[f.key] = v;
    }
    if (Object.keys(x).length !== present) return DEFER;
    for (const k of Object.keys(x)) if (!known.has(k)) return DEFER;
    return out;
  };
}
function compileSchema(schema) {
  let check;
  try {
    check = compileDef(schema);
  } catch (err) {
    if (err instanceof Unsupported) return () => void 0;
    throw err;
  }
  return (input) => {
    const v = check(input);
    return v === DEFER ? void 0 : v;
  };
}
function fastSafeParse(schema, compiled, input) {
  const v = compiled(input);
  if (v !== void 0) return { success: true, data: v };
  return schema.safeParse(input);
}

// src/ledger/ledger.ts
var promotionsPath = (recordsDir, model) => `${recordsDir}/${model}/promotions.jsonl`;
var evaluationCopyPath = (recordsDir, model, hex) => `${recordsDir}/${model}/evaluations/${hex}.json`;
var compiledPromotion;
function parsePromotion(json) {
  compiledPromotion ??= compileSchema(promotionRecordSchema);
  return fastSafeParse(promotionRecordSchema, compiledPromotion, json);
}
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
    const r = parsePromotion(json);
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
var parsedTags = /* @__PURE__ */ new Map();
function parseTag(tag) {
  if (parsedTags.has(tag)) return parsedTags.get(tag);
  if (parsedTags.size >= 1e5) parsedTags.clear();
  const p = readTag(tag);
  parsedTags.set(tag, p && Object.freeze(p));
  return p;
}
function readTag(tag) {
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
  parseTag,
  isModelName,
  versionTag,
  deregisterTag,
  stageTag,
  unassignTag,
  nextStageNumber,
  deregistrationOf,
  parseVersionArg
};
