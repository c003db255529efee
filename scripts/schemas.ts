// Writes schemas/*.schema.json from the zod schemas (the single source of truth). `--check` fails when stale.
import { readFileSync, writeFileSync } from "node:fs";
import { schemaFiles } from "./json-schema.ts";

const check = process.argv.includes("--check");
let stale = 0;
for (const [file, text] of Object.entries(schemaFiles())) {
  const path = `schemas/${file}`;
  let old = "";
  try {
    old = readFileSync(path, "utf8");
  } catch {}
  if (old === text) continue;
  if (check) {
    console.error(`${path} is out of date; run \`npm run schemas\``);
    stale++;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale ? 1 : 0);
