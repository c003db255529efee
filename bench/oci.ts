/**
 * Benchmark: build and push a 1 GiB model with `modelgate package`, side by side in one run with `skopeo copy` of the
 * same image (as an OCI layout that modelgate wrote) to the same registry (Debian's docker-registry on loopback).
 * Each push goes to a fresh repository, so no blob is skipped by HEAD; runs alternate; the median is reported.
 *
 *   npx tsx bench/oci.ts [--gib 1] [--runs 3]
 *
 * modelgate's time includes the build (one read of the model for the layer digest and the model's sha256) and the
 * push (a second read, streamed in one PUT). skopeo runs with --preserve-digests (so it sends the same bytes rather
 * than recompressing the layer) and --all (the index and its manifest, like modelgate).
 * The model is a valid ONNX file (MatMul with a 1 GiB float32 initializer), cached under bench/.data/.
 */
import { spawnSync } from "node:child_process";
import { randomFillSync } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildModel } from "../test/support/onnx-build.ts";
import { startRegistry } from "../test/support/registry.ts";
import { machine, median } from "./machine.ts";
import { lenField, varint } from "../src/onnx/head.ts";

const { values } = parseArgs({
  options: { gib: { type: "string", default: "1" }, runs: { type: "string", default: "3" } },
});
const GIB = Number(values.gib);
const RUNS = Number(values.runs);
const dataDir = join(import.meta.dirname, ".data");
mkdirSync(dataDir, { recursive: true });

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

const model = join(dataDir, `model-${GIB}g.onnx`);
if (!existsSync(model)) {
  console.log(`writing ${model} …`);
  writeBigModel(model, GIB * 2 ** 30);
}
const size = statSync(model).size;

const cli = existsSync("dist/cli.js") ? ["dist/cli.js"] : ["--import", "tsx", "src/cli/bin.ts"];
const env = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };

function timed(cmd: string, args: string[]): { secs: number; rssMiB: number; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { encoding: "utf8", env, maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  const rssKiB = Number(r.stderr.trim().split("\n").pop());
  return { secs, rssMiB: rssKiB / 1024, out: r.stdout };
}

const reg = await startRegistry();
const layout = join(dataDir, "oci-layout");
try {
  rmSync(layout, { recursive: true, force: true });
  // the image skopeo copies: the same image, written by modelgate as a layout (not timed)
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
  const ours: number[] = [];
  const theirs: number[] = [];
  let rss = 0;
  let digest = "";
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ["modelgate", "skopeo"] : ["skopeo", "modelgate"];
    for (const who of order) {
      if (who === "modelgate") {
        const r = timed(process.execPath, [
          ...cli,
          "package",
          "--model",
          model,
          "--name",
          "big",
          "--base",
          "scratch",
          "--push",
          `${reg.host}/mg${i}/big:1`,
        ]);
        ours.push(r.secs);
        rss = Math.max(rss, r.rssMiB);
        digest = r.out.trim();
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
        theirs.push(r.secs);
      }
    }
    // free the registry's disk between runs
    rmSync(join(reg.dir, "data"), { recursive: true, force: true });
  }
  const a = median(ours);
  const b = median(theirs);
  console.log(`machine: ${machine()}`);
  console.log(`model: ${(size / 2 ** 30).toFixed(2)} GiB ONNX; image ${digest}`);
  console.log(
    `modelgate package (build + push): ${ours.map((s) => s.toFixed(2)).join(", ")} s; median ${a.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MiB`,
  );
  console.log(
    `skopeo copy (layout -> registry): ${theirs.map((s) => s.toFixed(2)).join(", ")} s; median ${b.toFixed(2)} s`,
  );
  console.log(`ratio modelgate / skopeo: ${(a / b).toFixed(2)}x (goal: <= 1.3x)`);
} finally {
  await reg.stop();
  rmSync(layout, { recursive: true, force: true });
}
