import type { Command } from "../commands/command.ts";

/** A command as the CLI knows it before loading it: the line `modelgate --help` shows, and how to load the module. */
export interface CommandEntry {
  /** The command's `summary`, copied here so that `modelgate --help` loads no command (test/cli/commands.unit.test.ts keeps the two equal). */
  summary: string;
  load: () => Promise<Command>;
  /**
   * Work started from the arguments before the command loads (evaluate's scoring worker threads); returns what ends
   * it once the command is done.
   */
  early?: (args: string[]) => Promise<() => Promise<void>>;
}

/**
 * Every command, loaded lazily: `modelgate --help` loads none of them, and `modelgate validate` only validate's (not
 * onnxruntime or Octokit). To add a command: one entry here, one module under src/commands/ exporting `command`.
 */
export const commands: Record<string, CommandEntry> = {
  init: {
    summary: "write a model repository from an ONNX file and a data file",
    load: () => import("../commands/init.ts").then((m) => m.command),
  },
  plan: {
    summary: "the models a git diff touches, as a matrix for CI",
    load: () => import("../commands/plan.ts").then((m) => m.command),
  },
  validate: {
    summary: "check manifests, references, digests, data, leakage and drift",
    load: () => import("../commands/validate.ts").then((m) => m.command),
  },
  lock: {
    summary: "recompute digests, sizes, row counts and profiles into the manifests",
    load: () => import("../commands/lock.ts").then((m) => m.command),
  },
  train: {
    summary: "run a model's training command and verify the ONNX file it writes",
    load: () => import("../commands/train.ts").then((m) => m.command),
  },
  demo: {
    summary: "run the whole lifecycle offline on the bundled fraud-detection example",
    load: () => import("./demo/command.ts").then((m) => m.command),
  },
  approve: {
    summary: "read the PR's reviews against the approval policy; set the modelgate/approval status",
    load: () => import("../commands/approve.ts").then((m) => m.command),
  },
  package: {
    summary: "build the model's OCI image (KServe modelcar) and write it to a layout or push it",
    load: () => import("../commands/package.ts").then((m) => m.command),
  },
  report: {
    summary: "gates → verdict; sticky PR comment, check runs, job summary, model card",
    load: () => import("../commands/report.ts").then((m) => m.command),
  },
  evaluate: {
    summary:
      "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
    load: () => import("../commands/evaluate.ts").then((m) => m.command),
    early: (args) => import("../evaluate/prestart.ts").then((m) => m.prestartScoring(args)),
  },
  publish: {
    summary: "on merge: check digests and approval, push the image, write overlays and the promotion record",
    load: () => import("../commands/publish.ts").then((m) => m.command),
  },
  audit: {
    summary: "the timeline of every model from git alone, what ran at a time, and verify: proof no step was skipped",
    load: () => import("../commands/audit.ts").then((m) => m.command),
  },
  release: {
    summary: "promote a published, tagged version to an environment (production); roll back; unassign; deregister",
    load: () => import("../commands/release.ts").then((m) => m.command),
  },
  attest: {
    summary: "file the bundles a workflow's actions/attest signed beside the records they attest, and on the images",
    load: () => import("../commands/attest.ts").then((m) => m.command),
  },
  monitor: {
    summary: "production drift and performance against what the running version was evaluated on; a record in git",
    load: () => import("../commands/monitor.ts").then((m) => m.command),
    early: (args) => import("../monitor/prestart.ts").then((m) => m.prestartMonitor(args)),
  },
};
