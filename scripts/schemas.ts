// Writes schemas/*.schema.json and the generated record checks (src/records/generated-checks.ts) from the zod schemas
// (the single source of truth). `--check` fails when stale.
import { readFileSync, writeFileSync } from "node:fs";
import { generatedChecks } from "../src/records/generated-checks.ts";
import { schemaFiles } from "./json-schema.ts";

const check = process.argv.includes("--check");
let stale = 0;
const files = {
  ...Object.fromEntries(Object.entries(schemaFiles()).map(([file, text]) => [`schemas/${file}`, text])),
  ...generatedChecks(),
};
for (const [path, text] of Object.entries(files)) {
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
