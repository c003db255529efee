import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  parseTag
} from "./chunk-NP3OSGPT.js";
import {
  canonicalJson,
  recordDigest,
  sha256Of
} from "./chunk-XKBXOX3L.js";

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

export {
  PAYLOAD_TYPE,
  OFFLINE_BUILDER,
  recordBody,
  imageName,
  recordStatements,
  normalStatement,
  statementDigest,
  attestRecord
};
