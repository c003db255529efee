import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  keyOf
} from "./chunk-3RH2EWC2.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/evaluate/classes.ts
function sortKeys(keys) {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var labelKey = (v) => keyOf(v) ?? String(v);
function listed(values, max = 6) {
  const shown = values.slice(0, max).map((v) => v !== "" && Number.isFinite(Number(v)) ? v : JSON.stringify(v));
  return `${shown.join(", ")}${values.length > max ? `, \u2026 (${values.length} in all)` : ""}`;
}
function counted(labels, counts) {
  return labels.slice(0, 5).map((k) => `"${k}" (${counts.get(k) ?? 0} rows)`).join(", ");
}
var yamlKey = (l) => /^[A-Za-z_][\w-]*$/.test(l) || l !== "" && Number.isFinite(Number(l)) ? l : JSON.stringify(l);
function mapping(spec) {
  const out = /* @__PURE__ */ new Map();
  const from = /* @__PURE__ */ new Map();
  for (const [label, cls] of Object.entries(spec.labels ?? {})) {
    const l = labelKey(label);
    const c = labelKey(cls);
    const other = from.get(c);
    if (other !== void 0 && other !== l) {
      throw new UserError(
        `spec.label.labels maps both ${JSON.stringify(other)} and ${JSON.stringify(l)} to the model's class ${JSON.stringify(c)}; map each class from one label`
      );
    }
    from.set(c, l);
    out.set(l, c);
  }
  return out;
}
function boolSpelling(label, cls) {
  const l = label.toLowerCase();
  return l === "true" && cls === "1" || l === "false" && cls === "0";
}
function columnClasses(source, width, graph, spec, counts, data) {
  const map = mapping(spec);
  const declared = spec.classes?.map(labelKey);
  const from = graph ? "graph" : declared ? "declared" : "index";
  const classes = graph ?? declared ?? Array.from({ length: width }, (_, j) => String(j));
  const whose = from === "graph" ? "the model's classes (named in its graph)" : from === "declared" ? "spec.label.classes" : `the model's columns 0 to ${width - 1} (its graph names no classes)`;
  if (classes.length !== width) {
    throw new CheckFailed(
      `${source}: ${width} probability column${width === 1 ? "" : "s"} for ${classes.length} classes [${listed(classes)}] (${whose}); declare spec.label.classes with one label per column, in the model's column order`
    );
  }
  const byClass = new Map([...map].map(([l, c]) => [c, l]));
  for (const [l, c] of map) {
    if (!classes.includes(c)) {
      throw new UserError(
        `spec.label.labels maps ${JSON.stringify(l)} to ${JSON.stringify(c)}, which is not one of ${whose}: [${listed(classes)}]`
      );
    }
  }
  const labels = classes.map((c) => byClass.get(c) ?? c);
  const observed = sortKeys([...counts.keys()]);
  const wanted = [.../* @__PURE__ */ new Set([...observed, ...from === "graph" && declared ? declared : []])];
  for (const w of wanted) {
    if (labels.includes(w) || map.has(w)) continue;
    const j = classes.findIndex((c, i) => !byClass.has(c) && labels[i] === c && boolSpelling(w, c));
    if (j >= 0) labels[j] = w;
  }
  const unknown = wanted.filter((w) => !labels.includes(w));
  if (unknown.length === 0) return { labels, classes, source: from };
  const column = `${data}: label "${spec.column}"`;
  if (from === "declared") {
    throw new CheckFailed(
      `${column} has values outside the classes [${classes.join(", ")}]: ${counted(unknown, counts)}; fix the data or spec.label.classes`
    );
  }
  const known = observed.filter((w) => labels.includes(w));
  if (known.length > 0 && unknown.every((w) => counts.has(w))) {
    throw new CheckFailed(
      `${column} has values outside ${whose}: [${listed(classes)}]: ${counted(unknown, counts)}; fix the data, or map them in spec.label.labels`
    );
  }
  if (from === "index") {
    const eg2 = wanted.slice(0, width);
    throw new UserError(
      `${source}: the model's graph names no classes for its ${width} probability column${width === 1 ? "" : "s"}, and label "${spec.column}" in ${data} has ${listed(observed)}, not the column numbers 0 to ${width - 1}: which column is which cannot be told. Set spec.label.classes to the labels in the order of the model's columns (e.g. classes: [${eg2.join(", ")}] if column 0 is the probability of ${JSON.stringify(eg2[0])}), or spec.label.labels to each label's column (e.g. labels: {${eg2.map((l, j) => `${yamlKey(l)}: ${j}`).join(", ")}})`
    );
  }
  const eg = wanted.slice(0, classes.length);
  throw new UserError(
    `${source}: the model's classes are [${listed(classes)}] (named in its graph), and ${listed(unknown)} ${unknown.length === 1 ? "is" : "are"} not among them. If they are the same classes under other names, say which is which in spec.label.labels (label: the model's class), e.g. labels: {${eg.map((l, j) => `${yamlKey(l)}: ${yamlKey(classes[j])}`).join(", ")}} if ${JSON.stringify(eg[0])} is the model's class ${listed([classes[0]])}`
  );
}
function conventionalPositive(classes) {
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if ([...set].every((c) => c === "0" || c === "1")) return classes.find((c) => c === "1") ?? "1";
  if ([...set].every((c) => c === "false" || c === "true")) return classes.find((c) => c.toLowerCase() === "true");
  return void 0;
}
function declaredPositive(spec, classes, oneColumn) {
  if (spec.positive !== void 0) return labelKey(spec.positive);
  if (!oneColumn) return void 0;
  const p = conventionalPositive(classes);
  if (p !== void 0) return p;
  throw new UserError(
    `the model gives one score per row, the probability of one class, and label "${spec.column}" has ${listed(classes)}: which class the score is for cannot be told. Set spec.label.positive to that class`
  );
}

export {
  sortKeys,
  labelKey,
  listed,
  columnClasses,
  declaredPositive
};
