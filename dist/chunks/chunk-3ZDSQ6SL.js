import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-H5EPG2ZH.js";

// src/util/facts.ts
import { readFileSync } from "node:fs";
function readFactsFile(file, schema) {
  let json;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UserError(`cannot read the facts file ${file}: ${err.message}`);
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(`${file}: ${issue.path.join(".") || "the document"}: ${issue.message}`);
  }
  return r.data;
}

export {
  readFactsFile
};
