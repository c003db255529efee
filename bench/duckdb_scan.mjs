// An anchor for bench/evaluate.ts: DuckDB (@duckdb/node-api, not a dependency of modelgate; give the folder it is
// installed in) reading every column of the same file, either aggregated inside the engine ("scan") or copied
// through its JavaScript chunk API into one Float32Array as a model input would be ("js").
//   node bench/duckdb_scan.mjs DUCKDB_DIR FILE scan|js
import { createRequire } from "node:module";
import { join } from "node:path";

const [dir, file, mode] = process.argv.slice(2);
const require = createRequire(join(dir, "package.json"));
const { DuckDBInstance } = await import(require.resolve("@duckdb/node-api"));
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
const source = file.endsWith(".csv") ? `read_csv('${file}')` : `read_parquet('${file}')`;
const features = Array.from({ length: 30 }, (_, i) => `f${i}`);
const started = performance.now();
let rows = 0;
if (mode === "scan") {
  const r = await con.runAndReadAll(`SELECT count(*), ${features.map((f) => `sum(${f})`).join(", ")} FROM ${source}`);
  rows = Number(r.getRows()[0][0]);
} else {
  const result = await con.stream(`SELECT ${features.join(", ")}, label FROM ${source}`);
  const out = new Float32Array(1000000 * 30);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (let c = 0; c < 30; c++) {
      const v = chunk.getColumnVector(c);
      for (let r = 0; r < chunk.rowCount; r++) out[(rows + r) * 30 + c] = v.getItem(r);
    }
    rows += chunk.rowCount;
  }
}
console.log(JSON.stringify({ rows, seconds: (performance.now() - started) / 1000 }));
