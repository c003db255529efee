/** The scan thread's side of scan-ahead.ts: each request scanned as validate would scan it in its own thread. */
import { parentPort } from "node:worker_threads";
import { ProfileCounter } from "../data/profile.ts";
import { scanDataset } from "../data/scan.ts";
import { isEndMessage } from "../util/worker.ts";
import type { ScanReply, ScanRequest } from "./scan-ahead.ts";

export async function scan(req: ScanRequest): Promise<ScanReply> {
  const counters = req.counters.map((s) => {
    const k = new ProfileCounter();
    k.restore(s);
    return k;
  });
  let sha256: string | undefined;
  try {
    const result = await scanDataset(req.file, req.dataset, {
      ...req.options,
      counters,
      verify: req.digest ? { onDigest: (d: string) => (sha256 = d) } : undefined,
    });
    return { id: req.id, result, counters: counters.map((k) => k.snapshot()), sha256 };
  } catch (err) {
    return { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
}

export function serveScans(): void {
  const port = parentPort!;
  // one scan at a time, in the order asked
  let queue = Promise.resolve();
  port.on("message", (m: ScanRequest) => {
    if (isEndMessage(m)) {
      queue = queue.then(() => port.close());
      return;
    }
    queue = queue.then(async () => port.postMessage(await scan(m)));
  });
}
