import type { GitHubContext } from "../github/index.ts";
import type { LedgerEntry } from "../ledger/ledger.ts";
import type { Config, Model, Monitoring } from "../manifest/schema.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { Segment } from "./history.ts";
import type { RollbackOptions } from "./rollback.ts";
import type { MonitoringFacts } from "./plan.ts";
import type { VersionFacts } from "./versions.ts";

/** What a monitoring run is asked (./run.ts), what it settled when it opened, and the facts it gathered. */

export interface MonitorOptions {
  model: string;
  /** Files or folders of logs (tables with a timestamp column, CloudEvents JSON lines), relative to io.cwd. */
  logs: string[];
  /** Label tables (id + label), relative to io.cwd. */
  labels?: string[];
  environment?: string;
  /** The window, ms since the epoch: [since, until). Default: the manifest's window up to now. */
  since?: number;
  until?: number;
  retrain?: boolean;
  /** On an alert, propose a promotion pull request back to the previous version (needs the environment's approval). */
  rollback?: boolean;
  /** Release's facts for that proposal: who releases, the approved run (or a facts file outside Actions). */
  release?: Omit<RollbackOptions, "model" | "environment" | "record" | "dryRun" | "log">;
  dryRun?: boolean;
  /** GitHub (in Actions): the sticky issue, the retraining pull request. */
  github?: GitHubContext;
  log?: (line: string) => void;
  maxAttempts?: number;
  backoffMs?: number;
  /**
   * Worker threads that parse, feed and bin logged CSV tables (default: as many as evaluate scores with, when the CSV
   * logs hold more than a few batches; 0: this thread). Any number gives the same record.
   */
  workers?: number;
  /** Rows per batch read from a log (default 8192). */
  batchSize?: number;
}

export interface MonitorSession {
  ws: Workspace;
  opts: MonitorOptions;
  config: Config;
  manifest: Model;
  monitoring: Monitoring;
  environment: string;
  since: number;
  until: number;
  gitops: { remote: string; branch: string; tip: string };
  segments: Segment[];
}

export interface Gathered {
  facts: MonitoringFacts;
  versions: VersionFacts[];
  /** The model's promotion ledger at the GitOps tip. */
  ledger: LedgerEntry[];
  /** The labelled rows of the window in the training Dataset's columns (when a retraining may be asked). */
  captured?: { columns: string[]; rows: { time: number; cells: (string | null)[] }[] };
}
