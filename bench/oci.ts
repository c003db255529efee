/**
 * Benchmark: build and push a 1 GiB model with `modelgate package` (the built CLI, as users run it), side by side in
 * one run with two peers pushing the same image bytes to the same registry (Debian's docker-registry on loopback):
 * - raw `curl`: a POST for an upload session, then one monolithic PUT `?digest=` of the model layer's file (the
 *   floor: the registry's own receiving and hashing, no client work; the image's other blobs are a few hundred bytes);
 * - `skopeo copy --all --preserve-digests` of the same image from an OCI layout that modelgate wrote (not timed).
 * Each push goes to a fresh repository, so no blob is skipped by HEAD; the variants run in turns (the order rotates
 * each round); medians are reported with the load average. A fourth, untimed-by-peer variant pushes modelgate's
 * image again to the repository it just pushed to: the layer's digest comes from modelgate's digest cache, HEAD
 * finds every blob, and nothing is read or sent.
 *
 *   npx tsx bench/oci.ts [--gib 1] [--runs 3]
 *
 * The model is a valid ONNX file (MatMul with a 1 GiB float32 initializer), written to a temporary folder with the
 * layout and modelgate's cache (MODELGATE_CACHE), all removed at the end.
 */
import { spawnSync } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildModel } from "../test/support/onnx-build.ts";
import { startRegistry } from "../test/support/registry.ts";
import { machine, median } from "./machine.ts";
import { lenField, varint } from "../src/onnx/head.ts";

const { values } = parseArgs({
  options: {
    gib: { type: "string", default: "1" },
    runs: { type: "string", default: "3" },
    // another build of modelgate (e.g. main's dist/cli.js) pushed in the same turns: a before/after in one run
    compare: { type: "string" },
  },
});
const GIB = Number(values.gib);
const RUNS = Number(values.runs);
const dataDir = mkdtempSync(join(tmpdir(), "modelgate-bench-oci-"));

function readVarint(b: Buffer, pos: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (;;) {
    const x = b[pos++];
    v += (x & 0x7f) * mul;
    mul *= 128;
    if (x < 128) return [v, pos];
  }
}

/** The body of a small model's graph field, and its other top-level fields. */
function splitGraph(b: Buffer): { graph: Buffer; rest: Buffer } {
  const rest: Buffer[] = [];
  let graph: Buffer = Buffer.alloc(0);
  let pos = 0;
  while (pos < b.length) {
    const start = pos;
    const [key, p1] = readVarint(b, pos);
    const wire = key % 8;
    let end: number;
    let bodyStart = p1;
    if (wire === 0) end = readVarint(b, p1)[1];
    else if (wire === 2) {
      const [len, p2] = readVarint(b, p1);
      bodyStart = p2;
      end = p2 + len;
    } else if (wire === 1) end = p1 + 8;
    else end = p1 + 4;
    if (Math.floor(key / 8) === 7) graph = b.subarray(bodyStart, end);
    else rest.push(b.subarray(start, end));
    pos = end;
  }
  return { graph, rest: Buffer.concat(rest) };
}

/** A MatMul model whose weight W (K×1 float32, K·4 bytes of random data) is appended as a second `graph` field. */
function writeBigModel(path: string, bytes: number): void {
  const k = Math.floor(bytes / 4);
  const small = buildModel({
    inputs: [{ name: "x", type: "float32", shape: ["batch", k] }],
    outputs: [{ name: "y", type: "float32", shape: ["batch", 1] }],
    nodes: [{ op: "MatMul", inputs: ["x", "W"], outputs: ["y"] }],
  });
  // TensorProto: dims=1 (k, 1), data_type=2 (FLOAT=1), name=8, raw_data=9
  const tensorHead = Buffer.concat([
    Buffer.from([0x08]),
    varint(k),
    Buffer.from([0x08, 0x01]),
    Buffer.from([0x10, 0x01]),
    lenField(8, Buffer.from("W")),
    varint(9 * 8 + 2),
    varint(k * 4),
  ]);
  const tensorLen = tensorHead.byteLength + k * 4;
  const initHead = Buffer.concat([varint(5 * 8 + 2), varint(tensorLen)]);
  const graphLen = initHead.byteLength + tensorLen;
  // one graph field: the small model's graph body, then the initializer (readers replace, not merge, repeated graphs)
  const { graph, rest } = splitGraph(Buffer.from(small));
  const fd = openSync(path, "w");
  writeSync(fd, rest);
  writeSync(fd, Buffer.concat([varint(7 * 8 + 2), varint(graph.byteLength + graphLen), graph, initHead, tensorHead]));
  const buf = Buffer.alloc(16 << 20);
  for (let left = k * 4; left > 0; left -= buf.byteLength) {
    const n = Math.min(left, buf.byteLength);
    randomFillSync(buf, 0, n);
    writeSync(fd, buf, 0, n);
  }
  closeSync(fd);
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const model = join(dataDir, `model-${GIB}g.onnx`);
console.log(`writing ${model} …`);
writeBigModel(model, GIB * 2 ** 30);
const size = statSync(model).size;

const cli = existsSync("dist/cli.js") ? ["dist/cli.js"] : ["--import", "tsx", "src/cli/bin.ts"];
const env = { ...process.env, SOURCE_DATE_EPOCH: "1700000000", MODELGATE_CACHE: join(dataDir, "cache") };

/** Wall time, peak RSS and CPU time (user + system) of a command. */
function timed(cmd: string, args: string[]): { secs: number; rssMiB: number; cpu: number; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", cmd, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 64 << 20,
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  const [rssKiB, user, sys] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { secs, rssMiB: rssKiB / 1024, cpu: user + sys, out: r.stdout };
}

/** The raw peer, as a shell runs it: POST for an upload session, then one PUT of the file with the digest. */
const CURL_PUSH = `set -e
loc=$(curl -sS -f -X POST -o /dev/null -D - "http://$HOST/v2/$REPO/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
case "$loc" in http*) ;; *) loc="http://$HOST$loc" ;; esac
case "$loc" in *"?"*) sep="&" ;; *) sep="?" ;; esac
curl -sS -f -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' -T "$BLOB" "$loc\${sep}digest=$DIGEST"`;

const reg = await startRegistry();
const layout = join(dataDir, "oci-layout");
try {
  // the image the peers push: the same image, written by modelgate as a layout (not timed)
  timed(process.execPath, [
    ...cli,
    "package",
    "--model",
    model,
    "--name",
    "big",
    "--base",
    "scratch",
    "--layout",
    `${layout}:big`,
  ]);
  const index = JSON.parse(readFileSync(join(layout, "index.json"), "utf8"));
  const top = JSON.parse(readFileSync(join(layout, "blobs", ...index.manifests[0].digest.split(":")), "utf8"));
  const man = JSON.parse(readFileSync(join(layout, "blobs", ...top.manifests[0].digest.split(":")), "utf8"));
  const layer = man.layers[man.layers.length - 1];
  const blobFile = join(layout, "blobs", ...layer.digest.split(":"));
  const times: Record<string, number[]> = { modelgate: [], again: [], curl: [], skopeo: [] };
  const cpu: Record<string, number[]> = { modelgate: [], compare: [] };
  const loads: string[] = [loadavg()];
  let rss = 0;
  let digest = "";
  const skopeo = spawnSync("skopeo", ["--version"]).status === 0;
  const variants = ["modelgate", "curl", ...(skopeo ? ["skopeo"] : []), ...(values.compare ? ["compare"] : [])];
  times.compare = [];
  for (let i = 0; i < RUNS; i++) {
    const k = i % variants.length;
    const order = [...variants.slice(k), ...variants.slice(0, k)];
    for (const who of order) {
      if (who === "modelgate") {
        const args = [...cli, "package", "--model", model, "--name", "big", "--base", "scratch", "--push"];
        const r = timed(process.execPath, [...args, `${reg.host}/mg${i}/big:1`]);
        times.modelgate.push(r.secs);
        cpu.modelgate.push(r.cpu);
        rss = Math.max(rss, r.rssMiB);
        digest = r.out.trim();
        times.again.push(timed(process.execPath, [...args, `${reg.host}/mg${i}/big:1`]).secs);
      } else if (who === "compare") {
        const args = [values.compare!, "package", "--model", model, "--name", "big", "--base", "scratch", "--push"];
        const r = timed(process.execPath, [...args, `${reg.host}/cmp${i}/big:1`]);
        times.compare.push(r.secs);
        cpu.compare.push(r.cpu);
      } else if (who === "curl") {
        const t0 = process.hrtime.bigint();
        const r = spawnSync("sh", ["-c", CURL_PUSH], {
          encoding: "utf8",
          env: { ...env, HOST: reg.host, REPO: `raw${i}/big`, BLOB: blobFile, DIGEST: layer.digest },
        });
        if (r.status !== 0) throw new Error(`curl push failed: ${r.stderr}`);
        times.curl.push(Number(process.hrtime.bigint() - t0) / 1e9);
      } else {
        const r = timed("skopeo", [
          "copy",
          "--quiet",
          "--all",
          "--preserve-digests",
          "--dest-tls-verify=false",
          `oci:${layout}:big`,
          `docker://${reg.host}/sk${i}/big:1`,
        ]);
        times.skopeo.push(r.secs);
      }
    }
    loads.push(loadavg());
    // free the registry's disk between rounds
    rmSync(join(reg.dir, "data"), { recursive: true, force: true });
  }
  const row = (name: string, xs: number[]) =>
    `${name}: ${xs.map((s) => s.toFixed(2)).join(", ")} s; median ${median(xs).toFixed(2)} s`;
  console.log(`machine: ${machine()}`);
  console.log(`load average (1, 5, 15 min) at the start and after each round: ${loads.join(" | ")}`);
  console.log(
    `model: ${(size / 2 ** 30).toFixed(2)} GiB ONNX; layer ${(layer.size / 2 ** 30).toFixed(2)} GiB; image ${digest}`,
  );
  console.log(
    `${row("modelgate package (build + push)", times.modelgate)}, peak RSS ${rss.toFixed(0)} MiB, CPU ${median(cpu.modelgate).toFixed(2)} s`,
  );
  console.log(row("raw curl POST + monolithic PUT of the layer", times.curl));
  if (skopeo) console.log(row("skopeo copy (layout -> registry)", times.skopeo));
  if (values.compare)
    console.log(
      `${row(`${values.compare} package (build + push)`, times.compare)}, CPU ${median(cpu.compare).toFixed(2)} s`,
    );
  console.log(row("modelgate package again, to the same repository (every blob there)", times.again));
  const m = median(times.modelgate);
  console.log(`ratio modelgate / raw curl PUT: ${(m / median(times.curl)).toFixed(2)}x (goal: <= 1.2x)`);
  if (skopeo) console.log(`ratio modelgate / skopeo: ${(m / median(times.skopeo)).toFixed(2)}x`);
  if (values.compare) console.log(`ratio modelgate / ${values.compare}: ${(m / median(times.compare)).toFixed(2)}x`);
} finally {
  await reg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
