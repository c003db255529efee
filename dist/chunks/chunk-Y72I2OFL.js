import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/evaluate/model-io.ts
var COLUMN_INPUT_TYPES = ["float32", "float64", "int64", "int32", "string", "bool"];
function shapeText(s) {
  return s ? `[${s.map((d) => typeof d === "number" && d < 0 ? "N" : d).join(", ")}]` : "[?]";
}
var isDynamic = (d) => typeof d === "string" || d < 0;
function sameShape(declared, actual) {
  if (!declared) return true;
  if (declared.length !== actual.length) return false;
  return declared.every((d, i) => isDynamic(d) ? isDynamic(actual[i]) : !isDynamic(actual[i]) && d === actual[i]);
}
function declaredProblems(sig, declared) {
  const problems = [];
  for (const side of ["inputs", "outputs"]) {
    const kind = side === "inputs" ? "input" : "output";
    const actual = sig[side];
    declared[side].forEach((d, i) => {
      const a = actual.find((x) => x.name === d.name);
      const path = ["spec", "signature", side, i];
      if (!a) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": declared, but the model has no such ${kind} (it has: ${actual.map((x) => x.name).join(", ")})`
        });
      } else if (d.type !== a.type || !sameShape(d.shape, a.shape)) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": the manifest says ${d.type} ${shapeText(d.shape)}, the model has ${a.type} ${shapeText(a.shape)}`
        });
      }
    });
    for (const a of actual) {
      if (!declared[side].some((d) => d.name === a.name))
        problems.push({
          kind: "signature",
          path: ["spec", "signature", side],
          message: `${kind} "${a.name}": in the model but not declared in spec.signature`
        });
    }
  }
  return problems;
}
function inputProblems(sig, io, plan) {
  const inputs = sig.inputs;
  const names = inputs.map((i) => i.name).join(", ");
  if (io.mode === "tensor") {
    const name = io.tensor ?? (inputs.length === 1 ? inputs[0].name : void 0);
    if (!name) {
      return [
        {
          kind: "usage",
          path: ["spec", "inputs"],
          message: `the model has ${inputs.length} inputs (${names}); name the one that takes the feature tensor (spec.inputs.tensor) or use spec.inputs.mode: columns`
        }
      ];
    }
    const spec = inputs.find((i) => i.name === name);
    if (!spec)
      return [
        {
          kind: "usage",
          path: ["spec", "inputs", "tensor"],
          message: `the model has no input "${name}" (it has: ${names})`
        }
      ];
    const problems2 = [];
    const unfed2 = inputs.filter((i) => i.name !== name);
    if (unfed2.length > 0) {
      problems2.push({
        kind: "usage",
        path: ["spec", "inputs"],
        message: `inputs ${unfed2.map((i) => `"${i.name}"`).join(", ")} would get no data: tensor mode feeds one input; use spec.inputs.mode: columns`
      });
    }
    if (spec.type !== "float32" && spec.type !== "float64") {
      problems2.push({
        kind: "model",
        path: io.tensor ? ["spec", "inputs", "tensor"] : ["spec", "inputs"],
        message: `input "${name}" is ${spec.type}; tensor mode feeds float32 or float64 features`
      });
    }
    const width = spec.shape[1];
    if (spec.shape.length !== 2 || typeof width === "number" && width > 0 && width !== io.features.length) {
      problems2.push({
        kind: "model",
        path: ["spec", "inputs", "features"],
        message: `input "${name}" has shape ${shapeText(spec.shape)} but ${io.features.length} features are mapped to it (${io.features.join(", ")})`
      });
    }
    if (problems2.length === 0) plan.tensor = { name, type: spec.type };
    return problems2;
  }
  const problems = [];
  io.features.forEach((f, i) => {
    const spec = inputs.find((x) => x.name === f);
    const path = ["spec", "inputs", "features", i];
    if (!spec) {
      problems.push({
        kind: "usage",
        path,
        message: `the model has no input named "${f}" for column "${f}" (inputs: ${names}); in columns mode each feature column feeds the input of the same name`
      });
    } else if (spec.kind !== "tensor" || !COLUMN_INPUT_TYPES.includes(spec.type)) {
      problems.push({
        kind: "model",
        path,
        message: `input "${f}" is ${spec.type}, which modelgate cannot feed from a column`
      });
    } else plan.columnTypes.set(f, spec.type);
  });
  const unfed = inputs.filter((i) => !io.features.includes(i.name));
  if (unfed.length > 0) {
    problems.push({
      kind: "usage",
      path: ["spec", "inputs", "features"],
      message: `inputs ${unfed.map((i) => `"${i.name}"`).join(", ")} have no column; add them to spec.inputs.features`
    });
  }
  return problems;
}
var isFloat = (o) => o.kind === "tensor" && (o.type === "float32" || o.type === "float64");
function outputProblems(sig, graph, task, io, plan) {
  const outs = sig.outputs;
  const describe = outs.map((o) => `${o.name} (${o.type})`).join(", ");
  const problems = [];
  for (const key2 of ["probability", "label", "value"]) {
    const name = io.outputs?.[key2];
    if (name && !outs.some((o) => o.name === name))
      problems.push({
        kind: "usage",
        path: ["spec", "outputs", key2],
        message: `the model has no output "${name}" (outputs: ${describe})`
      });
  }
  if (problems.length > 0) return problems;
  const key = task === "regression" ? "value" : "probability";
  const named = io.outputs?.[key];
  const tensors = outs.filter((o) => o.kind === "tensor");
  const chosen = named ?? (task === "regression" ? tensors.find(isFloat)?.name : outs.find((o) => o.kind === "sequence" && /prob/i.test(o.name))?.name ?? tensors.find((o) => isFloat(o) && /prob|score/i.test(o.name))?.name ?? outs.find((o) => o.kind === "sequence")?.name ?? tensors.find(isFloat)?.name);
  const path = named ? ["spec", "outputs", key] : ["spec", "outputs"];
  if (!chosen) {
    return [
      {
        kind: "model",
        path,
        message: task === "regression" ? `the model has no float tensor output for a regression value (outputs: ${describe})` : `the model has no probability output that onnxruntime-node can return (outputs: ${describe}); export the probabilities as a tensor (skl2onnx: options={"zipmap": False}) or set spec.outputs.probability`
      }
    ];
  }
  const spec = outs.find((o) => o.name === chosen);
  let shape = spec.shape;
  plan.classLabels = graph.classLabels;
  plan.fetch = chosen;
  if (spec.kind !== "tensor") {
    const z = graph.zipMaps.find((x) => x.output === chosen);
    if (!z) {
      return [
        {
          kind: "model",
          path,
          message: `output "${chosen}" is a ${spec.type}, which onnxruntime-node cannot return, and no ZipMap node produces it; export it as a tensor`
        }
      ];
    }
    plan.fetch = z.tensor;
    plan.classLabels = z.classLabels ?? plan.classLabels;
    plan.zipMap = { output: chosen, tensor: z.tensor, type: spec.type };
    shape = ["N", plan.classLabels?.length ?? -1];
  } else if (!isFloat(spec)) {
    return [
      {
        kind: "model",
        path,
        message: `output "${chosen}" is ${spec.type} ${shapeText(spec.shape)}; predictions must be float32 or float64 (name the probability or value output in spec.outputs)`
      }
    ];
  }
  const fixed = typeof shape[1] === "number" && shape[1] > 0;
  if (shape.length <= 1) plan.width = 1;
  else if (shape.length === 2 && fixed) plan.width = shape[1];
  else if (shape.length === 2 && plan.classLabels) plan.width = plan.classLabels.length;
  else if (shape.length === 2 && task === "binary-classification") plan.width = 2;
  else {
    return [
      {
        kind: "model",
        path,
        message: `output "${chosen}" has shape ${shapeText(shape)}; modelgate needs [N], [N, 1] or [N, classes] with a fixed class count`
      }
    ];
  }
  return [];
}
function planModelIo(sig, graph, task, io) {
  const plan = { columnTypes: /* @__PURE__ */ new Map(), fetch: "", width: 0 };
  const problems = [
    ...io.signature ? declaredProblems(sig, io.signature) : [],
    ...inputProblems(sig, io, plan),
    ...outputProblems(sig, graph, task, io, plan)
  ];
  return problems.length > 0 ? { problems } : { plan, problems };
}
function ioProblemsMessage(file, problems) {
  const declared = problems.filter((p) => p.kind === "signature");
  const other = problems.filter((p) => p.kind !== "signature");
  const parts = [];
  if (declared.length > 0) {
    parts.push(
      `${file} does not match its declared signature:
  ${declared.map((p) => p.message).join("\n  ")}
Update spec.signature or re-export the model.`
    );
  }
  if (other.length === 1) parts.push(`${file}: ${other[0].message}`);
  else if (other.length > 1)
    parts.push(`${file} cannot run as its manifest maps it:
  ${other.map((p) => p.message).join("\n  ")}`);
  return parts.join("\n");
}

export {
  planModelIo,
  ioProblemsMessage
};
