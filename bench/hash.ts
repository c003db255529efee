// sha256 of a 1 GiB file: modelgate's streaming sha256File against coreutils `sha256sum`, side by side in one run.
// Usage: npm run bench -- hash   (or: npx tsx bench/hash.ts [SIZE_MIB])
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { sha256File } from "../src/data/hash.ts";
import { machine, median } from "./machine.ts";

const sizeMiB = Number(process.argv[2] ?? 1024);
const dir = join("bench", ".data");
mkdirSync(dir, { recursive: true });
const file = join(dir, `random-${sizeMiB}MiB.bin`);
if (!existsSync(file) || statSync(file).size !== sizeMiB * 1024 * 1024) {
  const fd = openSync(file, "w");
  const chunk = randomBytes(8 * 1024 * 1024);
  for (let i = 0; i < sizeMiB / 8; i++) writeSync(fd, chunk);
  closeSync(fd);
}
// Warm the page cache so both read from memory.
spawnSync("cat", [file], { stdio: ["ignore", "ignore", "ignore"] });

const ours: number[] = [];
const peer: number[] = [];
let digestOurs = "";
let digestPeer = "";
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  digestOurs = await sha256File(file);
  ours.push(performance.now() - t);
  t = performance.now();
  const r = spawnSync("sha256sum", [file], { encoding: "utf8" });
  peer.push(performance.now() - t);
  digestPeer = r.stdout.split(" ")[0];
}
if (digestOurs !== digestPeer) throw new Error(`digests differ: ${digestOurs} vs ${digestPeer}`);
const mibps = (ms: number) => (sizeMiB / (ms / 1000)).toFixed(0);
const o = median(ours);
const p = median(peer);
console.log(`machine: ${machine()}`);
console.log(`sha256 of ${sizeMiB} MiB (page-cached), median of 3:`);
console.log(`  modelgate sha256File  ${o.toFixed(0)} ms  ${mibps(o)} MiB/s`);
console.log(`  sha256sum             ${p.toFixed(0)} ms  ${mibps(p)} MiB/s`);
console.log(`  ratio (throughput, modelgate / sha256sum): ${(p / o).toFixed(2)}x`);
