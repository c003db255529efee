import { createRequire } from 'node:module';
import { r as releaseMarkdown, f as formatReleaseResult } from './chunk-OQ45MV4K-Ds5tyVHJ.js';
import { b as releaseSubject, r as runRelease } from './chunk-XTTDOJEG-BXV6SU6K.js';
import { w as writeJobSummary } from './chunk-BJUODENM-D7tbkoXJ.js';
import { g as parseArgs, s as str, t as toJson } from './hot-validate-plan-audit-verify-DglurztO.js';
import { o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { U as UserError, E as EXIT_OK } from './hot-help-validate-plan-audit-verify-CiDATK95.js';

const require$1 = createRequire(import.meta.url);

// src/commands/release.ts
var command = {
  name: "release",
  summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
  usage: `Usage: modelgate release TAG | --model NAME --version X.Y.Z [--env ENV] [--repo OWNER/NAME] [--run-id ID]
                        [--actor LOGIN] [--facts FILE] [--signing-key FILE] [--dry-run] [--json]
       modelgate release --unassign TAG | --model NAME --version X.Y.Z [--env ENV] \u2026
       modelgate release --deregister TAG | --model NAME --version X.Y.Z \u2026

Promotes the image that publish built for a version into deploy/<model>/overlays/<env> (production unless --env
names another), appends a release record to the model's promotion ledger, and assigns the GTO stage tag
<model>#<env>#N (annotated, N = highest + 1) on the version's commit, pushed atomically with the overlay commit
(or, for an environment with promotion: pull-request, on a branch with a pull request). Releasing a version older
than the one the environment runs is a rollback; releasing what it runs changes nothing.

Refused, with nothing written (exit 1): a version tag that is missing on the GitOps remote, lightweight, moved since
a release recorded it, not on the GitOps branch, or not on the commit whose publish record published exactly this
model and version; a deregistered version (<model>@vX.Y.Z! exists); a releaser who is not in modelgate.yaml
spec.releasers (users, or members of its teams) or lacks write permission; an environment with
requiresApproval: true whose workflow run has no approval from the GitHub environment's reviewers; an overlay
edited outside modelgate; a broken ledger.

Options:
  --env ENV           the environment (default: production, else the last one in modelgate.yaml)
  --repo OWNER/NAME   the repository for the GitHub API (default: GITHUB_REPOSITORY)
  --run-id ID         the workflow run whose environment approval counts (inside Actions: GITHUB_RUN_ID)
  --actor LOGIN       who releases (inside Actions: GITHUB_ACTOR, which GitHub authenticates, and no other)
  --facts FILE        decide from a JSON file instead of GitHub: {"actor", "runId", "permissions": {login: level},
                      "teams": {"org/team": [logins]}, "approvals": [{user, state, comment, environments, at?}],
                      "tags": {tag: {verified, reason}}}
  --signing-key FILE  attest the release, unassignment or deregistration (modelgate.yaml spec.attest): an in-toto
                      Statement over the image with the environment, stage, approvals (or the GTO tag and who asked)
                      and the record, signed with this ECDSA P-256 key (PEM; default MODELGATE_SIGNING_KEY) into
                      records/MODEL/attestations/ and attached to the image
  --unassign          push <model>#<env>!#N on the version's commit (GTO); refused for the version the
                      environment runs
  --deregister        push <model>@vX.Y.Z! on the version's commit (GTO): it can never be released again;
                      refused while any environment runs it (release or roll back another there first)
  --dry-run           run every check and print what would be written; write nothing
  --json              the result as JSON (outcome, action, stage tag, commit, record and its digest)
  -h, --help          this text

Environment: GITHUB_TOKEN (contents: write is not needed for the API; actions: read for the environment approvals;
teams need a token that can read the organization's members), GITHUB_ACTOR, GITHUB_RUN_ID, GITHUB_API_URL.
Exit codes: 0 released, rolled back, proposed or already there; 1 a check refused it or the remote refused the push;
2 usage or configuration error; 70 internal error (a bug in modelgate; please report it).
`,
  async run(args, io) {
    const { values, positionals } = parseArgs("release", args, {
      model: { type: "string" },
      version: { type: "string" },
      env: { type: "string" },
      repo: { type: "string" },
      "run-id": { type: "string" },
      actor: { type: "string" },
      facts: { type: "string" },
      "signing-key": { type: "string" },
      "dry-run": { type: "boolean" },
      unassign: { type: "boolean" },
      deregister: { type: "boolean" }
    });
    if (positionals.length > 1) throw new UserError(`release takes one tag, got ${positionals.join(" ")}`);
    if (values.unassign && values.deregister) throw new UserError("--unassign and --deregister: give one");
    const tag = positionals[0];
    releaseSubject({ tag, model: str(values.model), version: str(values.version) });
    const result = await runRelease(openWorkspace(io), {
      tag,
      model: str(values.model),
      version: str(values.version),
      environment: str(values.env),
      repo: str(values.repo),
      runId: str(values["run-id"]),
      actor: str(values.actor),
      facts: str(values.facts),
      signingKey: str(values["signing-key"]),
      dryRun: Boolean(values["dry-run"]),
      mode: values.unassign ? "unassign" : values.deregister ? "deregister" : "release",
      log: (line) => io.err(`${line}
`)
    });
    if (io.env.GITHUB_STEP_SUMMARY) writeJobSummary(releaseMarkdown(result), io.env);
    io.out(values.json ? toJson(result) : formatReleaseResult(result));
    return EXIT_OK;
  }
};

export { command as c };
