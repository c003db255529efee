import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ActionsHome, packageHome, packageRoot, rehomeWorkflow, sameRepo, workflowUses } from "./home.ts";

/**
 * The workflows `modelgate init` writes into .github/workflows/: copies of the package's ready-to-copy workflows
 * (`workflows/`), or short callers of the reusable ones in the home's .github/workflows/. Either way every `uses:` of
 * modelgate's own actions and workflows names the chosen home. Pure but for reading the package's files.
 */

/** The ready-to-copy workflows, by file name, their `uses:` of modelgate's actions pointed at `home`. */
export function copiedWorkflows(home: ActionsHome, root = packageRoot()): Record<string, string> {
  const shipped = packageHome(root);
  const dir = join(root, "workflows");
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort())
    out[f] = rehomeWorkflow(readFileSync(join(dir, f), "utf8"), home, sameRepo(shipped));
  return out;
}

/**
 * Workflows that call modelgate's reusable workflows (the `--workflows call` alternative to copies): one per
 * ready-to-copy workflow, each naming the events, the concurrency and the permissions (a called workflow's jobs get
 * at most what its caller grants), and passing the token explicitly.
 */
export function callerWorkflows(home: ActionsHome): Record<string, string> {
  const uses = (f: string) => workflowUses(home, f);
  return {
    "modelgate-pr.yml": `# modelgate: plan, validate, train and evaluate the models a pull request touches (read-only token).
name: modelgate (pull request)
on:
  pull_request:
    types: [opened, synchronize, reopened]
permissions:
  contents: read
concurrency:
  group: modelgate-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true
jobs:
  modelgate:
    uses: ${uses("pull-request.yml")}
`,
    "modelgate-report.yml": `# modelgate: the report on the pull request, from the records of "modelgate (pull request)" (untrusted input).
name: modelgate (report)
on:
  workflow_run:
    workflows: ["modelgate (pull request)"]
    types: [completed]
permissions:
  contents: read
concurrency:
  group: modelgate-report-\${{ github.event.workflow_run.head_repository.full_name }}-\${{ github.event.workflow_run.head_branch }}
  cancel-in-progress: true
jobs:
  modelgate:
    permissions:
      contents: read
      actions: read
      checks: write
      pull-requests: write
    uses: ${uses("report.yml")}
    secrets:
      token: \${{ secrets.GITHUB_TOKEN }}
`,
    "modelgate-approval.yml": `# modelgate: the approval gate; make \`modelgate/approval\` a required status check of main.
name: modelgate (approval)
on:
  pull_request_target:
    types: [opened, synchronize, reopened]
  pull_request_review:
    types: [submitted, edited, dismissed]
permissions:
  contents: read
concurrency: # the two events apart: a read-only review run must never cancel the run that sets the status
  group: modelgate-approval-\${{ github.event.pull_request.number }}-\${{ github.event_name }}
  cancel-in-progress: true
jobs:
  modelgate:
    permissions:
      contents: read
      statuses: write
      pull-requests: write
    uses: ${uses("approval.yml")}
    secrets:
      token: \${{ secrets.GITHUB_TOKEN }}
`,
    "modelgate-publish.yml": `# modelgate: publish what was evaluated and approved, on every push to main. A protected main needs a token that may
# push to it: pass a GitHub App's installation token as the push-token secret.
name: modelgate (publish)
on:
  push:
    branches: [main]
permissions:
  contents: read
concurrency:
  group: modelgate-publish
  cancel-in-progress: false # publishes queue; none is cancelled half-way
jobs:
  modelgate:
    permissions:
      contents: write
      packages: write
      actions: read
      pull-requests: read
      statuses: read
      checks: read
      id-token: write # signed provenance: actions/attest signs each record's Statements keylessly
      attestations: write
    uses: ${uses("publish.yml")}
`,
    "modelgate-release.yml": `# modelgate: release a published version to production when its tag name@vX.Y.Z is pushed, or by hand ("Run
# workflow") with a model and a version (an older version is a rollback). The job runs in the GitHub environment
# "production": give it required reviewers.
name: modelgate (release)
on:
  push:
    tags:
      - "*@v*"
      - "!*@v*!" # a deregistration (name@vX.Y.Z!) releases nothing
  workflow_dispatch:
    inputs:
      model:
        description: The model to release
        required: true
        type: string
      version:
        description: The version X.Y.Z (its tag must exist); an older version than production runs is a rollback
        required: true
        type: string
permissions:
  contents: read
concurrency: # one release per environment at a time; a running release is never cancelled
  group: modelgate-release-production
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: write
      actions: read
      pull-requests: write
      id-token: write # signed provenance: actions/attest signs the release's Statement keylessly
      attestations: write
      packages: write
    uses: ${uses("release.yml")}
    with:
      model: \${{ inputs.model }}
      version: \${{ inputs.version }}
`,
    "modelgate-audit.yml": `# modelgate: the nightly audit (audit verify, the timeline, the evidence folder as an artifact). Read-only.
name: modelgate (audit)
on:
  schedule:
    - cron: "23 4 * * *"
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: modelgate-audit
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: read
    uses: ${uses("audit.yml")}
`,
    "modelgate-monitor.yml": `# modelgate: post-market monitoring of production (drift, performance, a record in git, a sticky issue).
# monitoring/fetch-logs.sh fetches the window's logs and labels; the models input lists the models (JSON).
name: modelgate (monitor)
on:
  schedule:
    - cron: "17 6 * * 1"
  workflow_dispatch:
    inputs:
      models:
        description: 'Models to monitor, a JSON list (default: the list in the job matrix), e.g. ["fraud-detector"]'
        required: false
        type: string
      since:
        description: "The window's start (RFC 3339 or a date); empty: its end minus spec.monitoring.window"
        required: false
        type: string
      until:
        description: "The window's end, exclusive (RFC 3339 or a date); empty: now"
        required: false
        type: string
permissions:
  contents: read
concurrency:
  group: modelgate-monitor
  cancel-in-progress: false
jobs:
  modelgate:
    permissions:
      contents: write
      issues: write
      pull-requests: write
      actions: read
      id-token: write
    uses: ${uses("monitor.yml")}
    with:
      models: \${{ inputs.models }}
      since: \${{ inputs.since }}
      until: \${{ inputs.until }}
`,
  };
}
