import { createRequire } from 'node:module';
import { r as runPublish } from './chunk-TUZI4YY7-vvZ-QlEE.js';
import { l as planView, d as describeModelPlan } from './chunk-YPELLATJ-DmrUE5hP.js';
import { g as parseArgs, s as str, n as num, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/commands/publish.ts
var usage = `Usage: modelgate publish [MODEL\u2026] [--sha SHA] [--pr N] [--repo OWNER/NAME] [--facts FILE]
                         [--records DIR] [--artifacts DIR] [--registry REF] [--layout DIR]
                         [--signing-key FILE] [--dry-run] [--json]

Runs on a merge to the default branch and ships exactly the bytes that were evaluated and approved. For each model
whose version or artifact the merge changed (or each MODEL named):
  1. refuses, before anything is built or written, unless: the artifact's sha256 equals the manifest's and the
     evaluation record's candidate; the record's version and data digests equal the manifest's and the data file's;
     every gate passed (or warned, when spec.allowWarn); the pull request's head commit has modelgate/approval =
     success and the approvals read back are of that exact commit. Nothing is retrained.
  2. builds the KServe modelcar image (as \`modelgate package\`) and pushes it to spec.registry (or writes the
     local layout .modelgate/images), with the evaluation record, model card and promotion record as referrers;
  3. commits to the GitOps branch (spec.gitops; default: origin's default branch) deploy/MODEL/base, the overlays
     of every environment (the first, staging, pinned to the new digest), MODEL_CARD.md, the evaluation record and
     a promotion record chained to the model's previous one, with trailers; tags the commit MODEL#staging#N.
     A rejected push is retried on the new tip. A rerun on the same merge finds its record and only attaches
     the records its image lacks (after a crash or a registry failure). Publish follows merge order: a merge
     older than the one the environment runs is refused. The GitOps branch is read before anything is built.
  4. attests it (modelgate.yaml spec.attest): two in-toto Statements over the image and the model file, SLSA
     provenance v1 and modelgate's promotion predicate, signed with --signing-key into Sigstore bundles kept in
     records/MODEL/attestations/ (same commit) and attached to the image; in GitHub Actions with an OIDC token and
     no key, written for the workflow's actions/attest step instead.

Options:
  --sha SHA        the merged commit (default: HEAD, which must be checked out)
  --pr N           the pull request (default: the one GitHub associates with the merged commit)
  --repo O/N       the GitHub repository (default: GITHUB_REPOSITORY); token from GITHUB_TOKEN
  --facts FILE     decide offline from the facts GitHub would return (approve --facts format; "mergedBy" optional)
  --records DIR    the evaluation records (the PR run's artifact); default .modelgate/evaluations
  --artifacts DIR  trained model files carried from the PR run, at their repository paths
  --registry REF   push images under REF/MODEL (default: spec.registry)
  --layout DIR     without a registry: the OCI layout to write (default .modelgate/images)
  --remote R       the GitOps remote (default: spec.gitops.remote, else origin)
  --branch B       the GitOps branch (default: spec.gitops.branch, else the remote's default branch)
  --actor LOGIN    who triggered the publish (default: GITHUB_ACTOR)
  --signing-key F  sign the attestations with this ECDSA P-256 private key (PEM; default: MODELGATE_SIGNING_KEY,
                   a PEM or a file); spec.attest: required refuses to publish without a key or an OIDC token
  --dry-run        check only, and print the plan: which image each model gets and where, the files and tag of
                   its commit; build, push and write nothing
  --json           print per model: name, version, image, commit, tags, record

Exit codes: 0 published (or nothing to do), 1 refused (each refusal names the model, field and both values),
2 usage or configuration error, 70 internal error (a bug in modelgate; please report it).
`;
var command = {
  name: "publish",
  summary: "on merge: check digests and approval, push the image, write overlays and the promotion record",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("publish", args, {
      sha: { type: "string" },
      pr: { type: "string" },
      repo: { type: "string" },
      facts: { type: "string" },
      records: { type: "string" },
      artifacts: { type: "string" },
      registry: { type: "string" },
      layout: { type: "string" },
      remote: { type: "string" },
      branch: { type: "string" },
      actor: { type: "string" },
      "signing-key": { type: "string" },
      "dry-run": { type: "boolean" }
    });
    const r = await runPublish(openWorkspace(io), {
      models: positionals,
      sha: str(values.sha),
      pr: num("pr", values.pr),
      repo: str(values.repo),
      facts: str(values.facts),
      records: str(values.records),
      artifacts: str(values.artifacts),
      registry: str(values.registry),
      layout: str(values.layout),
      remote: str(values.remote),
      branch: str(values.branch),
      actor: str(values.actor),
      signingKey: str(values["signing-key"]),
      dryRun: Boolean(values["dry-run"])
    });
    print(r, io, Boolean(values.json));
    if (r.refusals.length > 0) {
      throw new CheckFailed(
        `refused to publish (${r.refusals.length} problem${r.refusals.length === 1 ? "" : "s"}); nothing was built, pushed or committed`
      );
    }
    return 0;
  }
};
function print(r, io, json) {
  for (const w of r.warnings) io.err(`warning: ${w}
`);
  for (const x of r.refusals) io.err(`refused: ${x.message}
`);
  if (json) {
    const plan = r.dryRun && r.plan ? { plan: planView(r.plan) } : {};
    io.out(toJson({ sha: r.sha, pr: r.pr, dryRun: r.dryRun, models: r.models, refusals: r.refusals, ...plan }));
    return;
  }
  for (const [i, m] of r.models.entries()) {
    if (r.dryRun && m.alreadyPublished) {
      io.out(
        `${m.name} ${m.version}: already published (${m.tags.join(", ")}); a run attaches any record its image lacks (dry run)
`
      );
    } else if (r.dryRun) {
      io.out(`${m.name} ${m.version}: every check passed; would publish to ${m.environment} (dry run)
`);
      if (r.plan) for (const line of describeModelPlan(r.plan, r.plan.models[i])) io.out(`  ${line}
`);
    } else if (m.alreadyPublished) {
      io.out(
        `${m.name} ${m.version}: already published (${m.tags.join(", ")}, ${m.image.reference})${m.finished ? `; attached what an earlier run left out: ${m.finished.join(", ")}` : ""}
`
      );
    } else {
      io.out(
        `published ${m.name} ${m.version} to ${m.environment}: ${m.image.reference}
  commit ${m.commit}, tag ${m.tags.join(", ")}, record ${m.record} (${m.recordDigest})
  to release it: ${m.versionTagCommand}
`
      );
      if (m.attestations?.by === "key")
        io.out(`  attested: ${m.attestations.statements.map((a) => a.bundle).join(", ")}
`);
      if (m.attestations?.by === "workflow")
        io.out(`  to be attested by the workflow: ${m.attestations.statements.map((a) => a.predicate).join(", ")}
`);
    }
  }
}

export { command as c };
