import { createRequire } from 'node:module';
import { u as resolveSource, U as scanDataset, s as sha256File, V as ProfileCounter, K as quantileEdges } from './hot-validate-Cbhe7qur.js';
import { s as storageContext, a as currentFile } from './chunk-OYQDDGAU-Dpe-Jqkv.js';
import { b as readOnnxSignature } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import { f as DEFAULT_BLOCK_BYTES, g as blockDigests } from './chunk-U6HQLEKJ-DFuKjzG7.js';
import { w as writeFileAtomic } from './hot-validate-plan-audit-verify-DglurztO.js';
import { r as require_dist, l as loadRepository } from './hot-plan-YWGJn6IT.js';
import { o as findModel, c as repoRelative } from './hot-validate-plan-DjS3M9MR.js';
import { c as __toESM, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { existsSync, statSync, readFileSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);

// src/manifest/edit.ts
var import_yaml = __toESM(require_dist(), 1);
function editYaml(src, edits) {
  const style = styleOf(src);
  const replacements = edits.map((e, i) => ({ ...replacementFor(src, e.path, e.value, style), i }));
  replacements.sort((a, b) => b.start - a.start || b.i - a.i);
  let text = src.text;
  for (const r of replacements) text = text.slice(0, r.start) + r.text + text.slice(r.end);
  const expected = src.doc.toJS();
  for (const e of edits) setIn(expected, e.path, e.value);
  const got = (0, import_yaml.parseDocument)(text).toJS();
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`editing ${src.file} in place did not give the values asked for; nothing was written`);
  }
  return text;
}
function setIn(obj, path, value) {
  let o = obj;
  for (const seg of path.slice(0, -1)) {
    o[seg] ??= {};
    o = o[seg];
  }
  o[path[path.length - 1]] = value;
}
function styleOf(src) {
  const crlf = (src.text.match(/\r\n/g) ?? []).length;
  const lf = (src.text.match(/\n/g) ?? []).length - crlf;
  const seqs = [0, 0];
  const maps = [0, 0];
  let step;
  (0, import_yaml.visit)(src.doc, {
    Seq(_, node) {
      if (node.flow && node.items.length > 0 && node.range) seqs[src.text[node.range[0] + 1] === " " ? 1 : 0]++;
    },
    Map(_, node) {
      if (node.flow && node.items.length > 0 && node.range) maps[src.text[node.range[0] + 1] === " " ? 1 : 0]++;
      if (!node.flow && step === void 0) {
        for (const pair of node.items) {
          const v = pair.value;
          if ((0, import_yaml.isMap)(v) && !v.flow && v.range && (0, import_yaml.isScalar)(pair.key) && pair.key.range) {
            const d = src.lines.linePos(v.range[0]).col - src.lines.linePos(pair.key.range[0]).col;
            if (d > 0) step = d;
            break;
          }
        }
      }
    }
  });
  const pad = seqs[0] + seqs[1] > 0 ? seqs[1] > seqs[0] : maps[1] > maps[0];
  return { eol: crlf > lf ? "\r\n" : "\n", step: step ?? 2, pad };
}
function render(value, style, flow) {
  const doc = new import_yaml.Document(value);
  (0, import_yaml.visit)(doc, {
    Seq(_, seq) {
      const digests = seq.items.length > 0 && seq.items.every((i) => /^[0-9a-f]{64}$/.test(String(toJs(i))));
      if (!digests && seq.items.every((i) => !(0, import_yaml.isCollection)(i))) seq.flow = true;
    }
  });
  if (flow && (0, import_yaml.isCollection)(doc.contents)) doc.contents.flow = true;
  return doc.toString({ indent: style.step, lineWidth: 0, flowCollectionPadding: style.pad }).replace(/\n$/, "").split("\n").join(style.eol);
}
var toJs = (n) => (0, import_yaml.isScalar)(n) ? n.value : n;
var isCollectionValue = (v) => v !== null && typeof v === "object";
function indentRest(text, n, eol) {
  return text.split(eol).join(`${eol}${" ".repeat(n)}`);
}
function replacementFor(src, path, value, style) {
  const node = src.doc.getIn(path, true);
  if (node?.range) {
    const [start, valueEnd] = node.range;
    if (!isCollectionValue(value)) {
      let text = render(value, style, true);
      if ((0, import_yaml.isScalar)(node) && typeof value === "string" && node.type === import_yaml.Scalar.QUOTE_DOUBLE)
        text = JSON.stringify(value);
      return { start, end: valueEnd, text };
    }
    if ((0, import_yaml.isCollection)(node) && node.flow) return { start, end: valueEnd, text: render(value, style, true) };
    const col2 = src.lines.linePos(start).col - 1;
    if ((0, import_yaml.isCollection)(node)) {
      const ends = src.text.slice(start, valueEnd).endsWith("\n");
      return {
        start,
        end: valueEnd,
        text: indentRest(render(value, style, false), col2, style.eol) + (ends ? style.eol : "")
      };
    }
    const keyCol = keyColumn(src, path);
    let from = start;
    while (from > 0 && src.text[from - 1] === " ") from--;
    const block = render(value, style, false);
    return {
      start: from,
      end: valueEnd,
      text: style.eol + " ".repeat(keyCol + style.step) + indentRest(block, keyCol + style.step, style.eol)
    };
  }
  const parentPath = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  const parent = src.doc.getIn(parentPath, true);
  if (!(0, import_yaml.isMap)(parent) || !parent.range) {
    if (parentPath.length === 0) throw new Error(`${src.file}: the document is not a mapping`);
    return replacementFor(src, parentPath, { [key]: value }, style);
  }
  const keyText = render(key, style, true);
  if (parent.flow) {
    const last = parent.items[parent.items.length - 1];
    const lastEnd = last?.value?.range?.[1] ?? last?.key?.range?.[1];
    const pair = `${keyText}: ${render(value, style, true)}`;
    if (lastEnd === void 0)
      return { start: parent.range[0], end: parent.range[1], text: render({ [key]: value }, style, true) };
    return { start: lastEnd, end: lastEnd, text: `, ${pair}` };
  }
  const col = src.lines.linePos(parent.range[0]).col - 1;
  const at = parent.range[1];
  const lead = src.text.slice(0, at).endsWith("\n") ? "" : style.eol;
  const body = isCollectionValue(value) && !flowable(value) ? `${keyText}:${style.eol}${" ".repeat(col + style.step)}${indentRest(render(value, style, false), col + style.step, style.eol)}` : `${keyText}: ${render(value, style, true)}`;
  return { start: at, end: at, text: `${lead}${" ".repeat(col)}${body}${style.eol}` };
}
function flowable(value) {
  return Array.isArray(value) && value.every((v) => !isCollectionValue(v));
}
function keyColumn(src, path) {
  const parent = src.doc.getIn(path.slice(0, -1), true);
  if ((0, import_yaml.isMap)(parent)) {
    const pair = parent.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.value) === String(path[path.length - 1]));
    const r = pair?.key?.range;
    if (r) return src.lines.linePos(r[0]).col - 1;
  }
  if ((0, import_yaml.isSeq)(parent) && parent.range) return src.lines.linePos(parent.range[0]).col - 1;
  return 0;
}

// src/lock/edits.ts
function lockEdits(m, values) {
  const edits = [];
  for (const [path, value] of values) {
    const old = m.src.doc.getIn(path);
    const oldJs = old && typeof old === "object" && "toJSON" in old ? old.toJSON() : old;
    if (JSON.stringify(oldJs) !== JSON.stringify(value)) edits.push({ path, value });
  }
  return edits;
}
function planLock(measured) {
  const writes = [];
  for (const { manifest: m, values } of measured) {
    const edits = lockEdits(m, values);
    if (edits.length === 0) continue;
    writes.push({
      file: m.file,
      abs: m.abs,
      fields: edits.map((e) => e.path.slice(1).join(".")),
      text: editYaml(m.src, edits)
    });
  }
  return { writes };
}
async function applyLock(plan) {
  for (const w of plan.writes) await writeFileAtomic(w.abs, w.text);
  return plan.writes.map(({ file, fields }) => ({ file, fields }));
}
async function lockRepository(at, modelNames = [], onProgress) {
  const repo = typeof at === "string" ? loadRepository(at) : at.repo;
  const storage = typeof at === "string" ? { env: process.env } : storageContext(at);
  return applyLock(planLock(await measureForLock(repo, modelNames, onProgress, storage)));
}
function lockSelection(repo, modelNames) {
  const broken = repo.findings.filter((f) => f.severity === "error");
  if (broken.length) {
    const first = broken[0];
    throw new UserError(
      `${broken.length} manifest problem(s) must be fixed before lock can write (first: ${first.file}:${first.line}:${first.col}: ${first.message}); run \`modelgate validate\``
    );
  }
  const models = modelNames.length ? modelNames.map((n) => findModel(repo, n)) : repo.models;
  const used = new Set(
    models.flatMap((m) => [...m.value.spec.training?.datasets ?? [], ...m.value.spec.evaluation.datasets])
  );
  const datasets = modelNames.length ? repo.datasets.filter((d) => used.has(d.value.metadata.name)) : repo.datasets;
  return { models, datasets };
}
async function measureForLock(repo, modelNames, onProgress, storage = { env: process.env }) {
  const { models, datasets } = lockSelection(repo, modelNames);
  const measured = [];
  for (const d of datasets) {
    onProgress?.(`locking ${d.file}`);
    measured.push({ manifest: d, values: await measureDataset(repo.root, d, storage) });
  }
  for (const m of models) measured.push({ manifest: m, values: await measureModel(repo.root, m, storage) });
  return measured;
}
async function measureDataset(root, d, storage) {
  const spec = d.value.spec;
  const src = resolveSource(root, d.dir, spec.path);
  if (src.kind === "file" && src.error) throw new UserError(src.error, { file: d.file });
  if (src.kind === "file" && !existsSync(src.abs))
    throw new UserError(`data file ${spec.path} does not exist`, { file: d.file });
  const got = await currentFile(storage, src, { sha256: spec.sha256, size: spec.sizeBytes });
  const displayName = src.kind === "file" ? repoRelative(root, src.abs) : spec.path;
  const v = await datasetLockValues(got.file, d.value, displayName);
  const values = [
    [["spec", "sha256"], v.sha256],
    [["spec", "sizeBytes"], v.sizeBytes],
    [["spec", "rows"], v.rows]
  ];
  if (v.profile) values.push([["spec", "profile"], v.profile]);
  const blockSize = spec.blocks?.size ?? (v.sizeBytes > DEFAULT_BLOCK_BYTES ? DEFAULT_BLOCK_BYTES : void 0);
  if (blockSize !== void 0)
    values.push([["spec", "blocks"], { size: blockSize, sha256: await blockDigests(got.file, blockSize) }]);
  return values;
}
async function datasetLockValues(abs, dataset, displayName) {
  const spec = dataset.spec;
  const sizeBytes = statSync(abs).size;
  const profiled = spec.columns.filter((c) => c.role === "feature" || c.role === "slice");
  const numeric = profiled.filter((c) => c.type === "float" || c.type === "integer").map((c) => c.name);
  let digest;
  const verify = { onDigest: (d) => digest = d };
  const first = await scanDataset(abs, dataset, { sampleColumns: numeric, displayName, verify });
  const sha256 = digest ?? await sha256File(abs);
  if (!profiled.length) return { sha256, sizeBytes, rows: first.rows };
  const counter = new ProfileCounter();
  for (const c of profiled) {
    if (numeric.includes(c.name))
      counter.addNumericColumn(c.name, quantileEdges(first.samples?.get(c.name)?.values ?? []));
    else counter.addCategoricalColumn(c.name);
  }
  await scanDataset(abs, dataset, { counter, displayName });
  return { sha256, sizeBytes, rows: first.rows, profile: counter.result() };
}
async function measureModel(root, m, storage) {
  const spec = m.value.spec;
  const src = resolveSource(root, m.dir, spec.artifact.path);
  if (src.kind === "file" && src.error) throw new UserError(src.error, { file: m.file });
  if (src.kind === "file" && !existsSync(src.abs)) return [];
  const got = await currentFile(storage, src, { sha256: spec.artifact.sha256, size: spec.artifact.sizeBytes });
  const values = [[["spec", "artifact", "sha256"], got.sha256 ?? await sha256File(got.file)]];
  if (src.kind === "remote") values.push([["spec", "artifact", "sizeBytes"], statSync(got.file).size]);
  if (!spec.signature) {
    const sig = readOnnxSignature(readFileSync(got.file), spec.artifact.path);
    const strip = (t) => t.kind === "tensor" ? { name: t.name, type: t.type, shape: t.shape } : { name: t.name, type: t.type };
    values.push([["spec", "signature"], { inputs: sig.inputs.map(strip), outputs: sig.outputs.map(strip) }]);
  }
  return values;
}

export { applyLock as a, datasetLockValues as d, editYaml as e, lockRepository as l, measureForLock as m, planLock as p };
