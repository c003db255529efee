import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  judge
} from "./chunk-4BLITTKA.js";

// src/audit/blob-ids.ts
import { createHash } from "node:crypto";
function gitBlobId(content, format) {
  return createHash(format).update(`blob ${content.byteLength}\0`).update(content).digest("hex");
}
function prefixIndex(text, format) {
  const index = /* @__PURE__ */ new Map();
  if (text === void 0) return index;
  const buf = Buffer.from(text, "utf8");
  let count = 0;
  index.set(gitBlobId(buf.subarray(0, 0), format), 0);
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) {
    count++;
    index.set(gitBlobId(buf.subarray(0, i + 1), format), count);
  }
  if (buf.length > 0 && buf[buf.length - 1] !== 10) index.set(gitBlobId(buf, format), count + 1);
  return index;
}

// src/audit/judging.ts
var short = (oid) => oid ? oid.slice(0, 12) : "(none)";
function readEvaluation(buf) {
  let json;
  try {
    json = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("utf8"));
  } catch (err) {
    return { error: `not JSON: ${err.message}` };
  }
  const ok = json?.kind === "EvaluationRecord" && typeof json.model?.name === "string" && typeof json.candidate?.sha256 === "string" && typeof json.candidate.metrics === "object" && typeof json.dataset?.sha256 === "string" && Array.isArray(json.slices ?? []);
  return ok ? { record: json } : { error: "not an evaluation record (kind, model, candidate or dataset missing)" };
}
var boundRecord = (r) => ({
  model: r.model,
  data: r.data,
  source: r.source,
  evaluation: { metrics: r.evaluation.metrics }
});
function bindingGaps(r, ev, manifest) {
  const wrong = [];
  if (ev.candidate.sha256 !== r.model.sha256)
    wrong.push(
      `it evaluated the artifact sha256:${ev.candidate.sha256}, but the record published sha256:${r.model.sha256}`
    );
  if (ev.model.name !== r.model.name) wrong.push(`it evaluated model ${ev.model.name}, not ${r.model.name}`);
  if (ev.model.version !== void 0 && ev.model.version !== r.model.version)
    wrong.push(`it evaluated version ${ev.model.version}, but the record published ${r.model.version}`);
  if (r.data.length > 0 && !r.data.some((d) => d.sha256 === ev.dataset.sha256))
    wrong.push(
      `it evaluated data sha256:${ev.dataset.sha256}, but the record names ${r.data.map((d) => `${d.name} sha256:${d.sha256}`).join(", ")}`
    );
  for (const [k, v] of Object.entries(r.evaluation.metrics)) {
    if (ev.candidate.metrics[k] !== v)
      wrong.push(`metric ${k} is ${ev.candidate.metrics[k]} there, ${v} in the record`);
  }
  if (manifest?.spec.artifact.sha256 && manifest.spec.artifact.sha256 !== r.model.sha256)
    wrong.push(
      `the manifest at the source commit ${short(r.source)} declares artifact sha256:${manifest.spec.artifact.sha256}`
    );
  return wrong;
}
function judgeEvaluation(ev, manifest) {
  try {
    const verdict = judge({
      model: manifest,
      record: { ...ev, slices: ev.slices ?? [], fairness: ev.fairness ?? [], deltas: ev.deltas ?? {} }
    });
    return {
      results: verdict.results.map((g) => ({ label: g.label, status: g.status, reason: g.reason, index: g.index }))
    };
  } catch (err) {
    return { error: err.message };
  }
}
function answerEvaluation(buf, r, manifest) {
  const read = readEvaluation(buf);
  if (!read.record) return { error: read.error };
  const wrong = bindingGaps(r, read.record, manifest);
  return manifest ? { wrong, judged: judgeEvaluation(read.record, manifest) } : { wrong };
}

export {
  gitBlobId,
  prefixIndex,
  short,
  readEvaluation,
  boundRecord,
  bindingGaps,
  judgeEvaluation,
  answerEvaluation
};
