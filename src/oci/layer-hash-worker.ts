import { parentPort } from "node:worker_threads";
import { hashState } from "./hash-ops.ts";

/**
 * A hashing worker of layer-hash.ts, started from this file bundled into one script (scripts/worker-script.cjs): it
 * loads no other module of modelgate's, so it starts in ~30 ms. Messages {id, bytes, ops (a Float64Array of
 * triples)} are acked when applied ({ack: id}); {crc} is answered with the CRC-32 so far; {end} with every digest,
 * after which the worker closes its port and ends.
 */
const port = parentPort;
if (port) {
  const state = hashState();
  port.on(
    "message",
    (m: { id: number; bytes: Uint8Array | SharedArrayBuffer; ops: Float64Array; crc?: true; end?: true }) => {
      if (m.end) {
        port.postMessage({ digests: state.digests(), crc: state.crc() });
        port.close();
        return;
      }
      if (m.crc) {
        port.postMessage({ crc: state.crc() });
        return;
      }
      state.apply(m.bytes instanceof Uint8Array ? m.bytes : new Uint8Array(m.bytes), m.ops);
      port.postMessage({ ack: m.id });
    },
  );
}
