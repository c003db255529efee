import type { Command } from "../commands/command.ts";

/**
 * Every command, loaded lazily so that `modelgate validate` does not pay for onnxruntime or Octokit.
 * To add a command: one line here, one module under src/commands/ exporting `command`.
 */
export const commands: Record<string, () => Promise<Command>> = {
  init: () => import("../commands/init.ts").then((m) => m.command),
  plan: () => import("../commands/plan.ts").then((m) => m.command),
  validate: () => import("../commands/validate.ts").then((m) => m.command),
  lock: () => import("../commands/lock.ts").then((m) => m.command),
  train: () => import("../commands/train.ts").then((m) => m.command),
  demo: () => import("./demo/command.ts").then((m) => m.command),
  approve: () => import("../commands/approve.ts").then((m) => m.command),
  package: () => import("../commands/package.ts").then((m) => m.command),
  report: () => import("../commands/report.ts").then((m) => m.command),
  evaluate: () => import("../commands/evaluate.ts").then((m) => m.command),
  publish: () => import("../commands/publish.ts").then((m) => m.command),
  audit: () => import("../commands/audit.ts").then((m) => m.command),
  release: () => import("../commands/release.ts").then((m) => m.command),
  attest: () => import("../commands/attest.ts").then((m) => m.command),
  monitor: () => import("../commands/monitor.ts").then((m) => m.command),
};
