/**
 * A thread that scans some of validate's data files while this one scans the others (issue #25). The CLI starts it
 * before the validate command loads (`prestartScanThread`, its `early` hook), so that its start and its modules load
 * while this thread loads the command and reads the manifests; validate then hands it the files it will not read
 * itself (validate.ts) and takes each scan back in the order it checks them. A scan is the same function on the same
 * inputs in either thread (data/scan.ts `scanDataset`), the drift counters travel as their snapshots: the findings
 * are those of a scan in this thread. If the thread fails, this thread scans. Node built-ins only: the CLI loads this
 * module before the command, and the thread loads it as its entry (then scan-thread.ts).
 */
import { availableParallelism } from "node:os";
import { isMainThread, type Worker, workerData } from "node:worker_threads";
import type { CounterSnapshot } from "../data/profile.ts";
import type { ScanResult } from "../data/scan.ts";
import type { Dataset } from "../manifest/schema.ts";
import { startWorkerFrom } from "../util/source-worker.ts";

/** A scan asked of the thread: the file, the Dataset, the options validate reads with, the counters' snapshots. */
export interface ScanRequest {
  id: number;
  file: string;
  dataset: Dataset;
  options: { displayName?: string; hashColumns?: string[]; distinct?: string[] };
  counters: CounterSnapshot[];
  /** Hash the file while reading it (validate's digest check). */
  digest: boolean;
}

export type ScanReply =
  | { id: number; result: ScanResult; counters: CounterSnapshot[]; sha256?: string }
  | { id: number; error: string };

/** The thread failed or ended before it answered: the scan is made in this thread instead. */
export class ScanThreadGone extends Error {}

/** The thread as validate uses it: `scan` sends a request at once and settles with its reply. */
export interface ScanThread {
  scan(request: Omit<ScanRequest, "id">): Promise<ScanReply>;
}

let prestarted: { worker: Worker; thread: ScanThread } | undefined;

/** The prestarted thread, once (validate takes it); undefined when none was started or it failed. */
export function takeScanThread(): ScanThread | undefined {
  const p = prestarted;
  prestarted = undefined;
  return p?.thread;
}

/**
 * Starts the scan thread for `modelgate validate ARGS` when it reads data (no --skip-data, no --help) and a second
 * CPU is there to run it; returns what ends it (call it once the command is done).
 */
export function prestartScanThread(args: string[]): () => Promise<void> {
  const none = async () => {};
  if (args.some((a) => a === "--skip-data" || a === "--help" || a === "-h")) return none;
  if (availableParallelism() < 2) return none;
  let worker: Worker;
  try {
    worker = startWorkerFrom(import.meta.url, { modelgateScan: true });
  } catch {
    return none;
  }
  const waiting = new Map<number, { resolve: (r: ScanReply) => void; reject: (e: Error) => void }>();
  let gone: Error | undefined;
  const fail = (why: string) => {
    gone ??= new ScanThreadGone(why);
    for (const w of waiting.values()) w.reject(gone);
    waiting.clear();
  };
  worker.on("message", (m: ScanReply) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    w?.resolve(m);
  });
  worker.once("error", (err) => fail(err.message));
  worker.once("exit", () => fail("the scan thread ended"));
  // it holds the process open only while a scan is asked of it; asked to end, it closes its port
  worker.unref();
  let next = 0;
  const thread: ScanThread = {
    scan(request) {
      if (gone) return Promise.reject(gone);
      const id = next++;
      return new Promise<ScanReply>((resolve, reject) => {
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
        worker.postMessage({ ...request, id });
      });
    },
  };
  prestarted = { worker, thread };
  return async () => {
    prestarted = undefined;
    if (gone) return;
    // a clean end of the thread, not a terminate (see util/worker.ts endWorkers), without waiting for it
    worker.postMessage({ modelgateEnd: true });
  };
}

// the thread: loads the scans at once (while the command loads in the main thread), then answers requests
if (!isMainThread && (workerData as { modelgateScan?: boolean } | undefined)?.modelgateScan) {
  void import("./scan-thread.ts").then((m) => m.serveScans());
}
