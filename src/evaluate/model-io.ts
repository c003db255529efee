/**
 * Whether a model can be run as its manifest says, decided from its signature and graph alone (no data, no
 * onnxruntime): the declared signature, how the dataset columns feed its inputs (names, element types, shapes against
 * the feature count), and which output holds its predictions (names, element types, shapes, ZipMap). `evaluate` and
 * `train` refuse a model on these problems before reading data; `validate` reports the same problems at the manifest
 * lines. One function, so that a model `validate` passes is one `evaluate` can run.
 */
import type { Path } from "../manifest/yaml.ts";
import type { GraphFacts, OnnxSignature, TensorSpec } from "../onnx/signature.ts";
import type { Task } from "./metrics.ts";

/** How dataset columns feed the model and which outputs hold its predictions (the Model manifest's words). */
export interface ModelIo {
  mode: "tensor" | "columns";
  /** The input name in tensor mode (default: the model's only input). */
  tensor?: string;
  features: string[];
  outputs?: { probability?: string; label?: string; value?: string };
  /** The declared signature, checked against the model's. */
  signature?: { inputs: DeclaredTensor[]; outputs: DeclaredTensor[] };
}

export interface DeclaredTensor {
  name: string;
  type: string;
  shape?: (number | string)[];
}

/** One reason the model cannot run as declared. */
export interface IoProblem {
  /** What is wrong and what to do, without the file name. */
  message: string;
  /** The manifest field at fault, for validate's finding. */
  path: Path;
  /** "signature": the declared spec.signature differs; "usage": the manifest names something absent; "model": the model cannot serve the mapping. */
  kind: "signature" | "usage" | "model";
}

/** How to run the model: its feeds and the output to fetch. */
export interface IoPlan {
  /** Tensor mode: the input and its element type; columns mode: each feature column's input element type. */
  tensor?: { name: string; type: "float32" | "float64" };
  columnTypes: Map<string, string>;
  /** The output to fetch (for a ZipMap output: the probability tensor behind it) and its width per row. */
  fetch: string;
  width: number;
  /** The class order of the probability columns, when the graph names it. */
  classLabels?: string[];
  /** The chosen output was a ZipMap: the served graph exposes its input tensor instead. */
  zipMap?: { output: string; tensor: string; type: string };
}

export const COLUMN_INPUT_TYPES = ["float32", "float64", "int64", "int32", "string", "bool"];

export function shapeText(s: (number | string)[] | undefined): string {
  return s ? `[${s.map((d) => (typeof d === "number" && d < 0 ? "N" : d)).join(", ")}]` : "[?]";
}

const isDynamic = (d: number | string) => typeof d === "string" || d < 0;

function sameShape(declared: (number | string)[] | undefined, actual: (number | string)[]): boolean {
  if (!declared) return true;
  if (declared.length !== actual.length) return false;
  return declared.every((d, i) => (isDynamic(d) ? isDynamic(actual[i]) : !isDynamic(actual[i]) && d === actual[i]));
}

function declaredProblems(sig: OnnxSignature, declared: NonNullable<ModelIo["signature"]>): IoProblem[] {
  const problems: IoProblem[] = [];
  for (const side of ["inputs", "outputs"] as const) {
    const kind = side === "inputs" ? "input" : "output";
    const actual = sig[side];
    declared[side].forEach((d, i) => {
      const a = actual.find((x) => x.name === d.name);
      const path = ["spec", "signature", side, i];
      if (!a) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": declared, but the model has no such ${kind} (it has: ${actual.map((x) => x.name).join(", ")})`,
        });
      } else if (d.type !== a.type || !sameShape(d.shape, a.shape)) {
        problems.push({
          kind: "signature",
          path,
          message: `${kind} "${d.name}": the manifest says ${d.type} ${shapeText(d.shape)}, the model has ${a.type} ${shapeText(a.shape)}`,
        });
      }
    });
    for (const a of actual) {
      if (!declared[side].some((d) => d.name === a.name))
        problems.push({
          kind: "signature",
          path: ["spec", "signature", side],
          message: `${kind} "${a.name}": in the model but not declared in spec.signature`,
        });
    }
  }
  return problems;
}

function inputProblems(sig: OnnxSignature, io: ModelIo, plan: IoPlan): IoProblem[] {
  const inputs = sig.inputs;
  const names = inputs.map((i) => i.name).join(", ");
  if (io.mode === "tensor") {
    const name = io.tensor ?? (inputs.length === 1 ? inputs[0].name : undefined);
    if (!name) {
      return [
        {
          kind: "usage",
          path: ["spec", "inputs"],
          message: `the model has ${inputs.length} inputs (${names}); name the one that takes the feature tensor (spec.inputs.tensor) or use spec.inputs.mode: columns`,
        },
      ];
    }
    const spec = inputs.find((i) => i.name === name);
    if (!spec)
      return [
        {
          kind: "usage",
          path: ["spec", "inputs", "tensor"],
          message: `the model has no input "${name}" (it has: ${names})`,
        },
      ];
    const problems: IoProblem[] = [];
    const unfed = inputs.filter((i) => i.name !== name);
    if (unfed.length > 0) {
      problems.push({
        kind: "usage",
        path: ["spec", "inputs"],
        message: `inputs ${unfed.map((i) => `"${i.name}"`).join(", ")} would get no data: tensor mode feeds one input; use spec.inputs.mode: columns`,
      });
    }
    if (spec.type !== "float32" && spec.type !== "float64") {
      problems.push({
        kind: "model",
        path: io.tensor ? ["spec", "inputs", "tensor"] : ["spec", "inputs"],
        message: `input "${name}" is ${spec.type}; tensor mode feeds float32 or float64 features`,
      });
    }
    const width = spec.shape[1];
    if (spec.shape.length !== 2 || (typeof width === "number" && width > 0 && width !== io.features.length)) {
      problems.push({
        kind: "model",
        path: ["spec", "inputs", "features"],
        message: `input "${name}" has shape ${shapeText(spec.shape)} but ${io.features.length} features are mapped to it (${io.features.join(", ")})`,
      });
    }
    if (problems.length === 0) plan.tensor = { name, type: spec.type as "float32" | "float64" };
    return problems;
  }
  const problems: IoProblem[] = [];
  io.features.forEach((f, i) => {
    const spec = inputs.find((x) => x.name === f);
    const path = ["spec", "inputs", "features", i];
    if (!spec) {
      problems.push({
        kind: "usage",
        path,
        message: `the model has no input named "${f}" for column "${f}" (inputs: ${names}); in columns mode each feature column feeds the input of the same name`,
      });
    } else if (spec.kind !== "tensor" || !COLUMN_INPUT_TYPES.includes(spec.type)) {
      problems.push({
        kind: "model",
        path,
        message: `input "${f}" is ${spec.type}, which modelgate cannot feed from a column`,
      });
    } else plan.columnTypes.set(f, spec.type);
  });
  const unfed = inputs.filter((i) => !io.features.includes(i.name));
  if (unfed.length > 0) {
    problems.push({
      kind: "usage",
      path: ["spec", "inputs", "features"],
      message: `inputs ${unfed.map((i) => `"${i.name}"`).join(", ")} have no column; add them to spec.inputs.features`,
    });
  }
  return problems;
}

const isFloat = (o: TensorSpec) => o.kind === "tensor" && (o.type === "float32" || o.type === "float64");

function outputProblems(sig: OnnxSignature, graph: GraphFacts, task: Task, io: ModelIo, plan: IoPlan): IoProblem[] {
  const outs = sig.outputs;
  const describe = outs.map((o) => `${o.name} (${o.type})`).join(", ");
  const problems: IoProblem[] = [];
  // every output the manifest names must exist, whether or not evaluation reads it
  for (const key of ["probability", "label", "value"] as const) {
    const name = io.outputs?.[key];
    if (name && !outs.some((o) => o.name === name))
      problems.push({
        kind: "usage",
        path: ["spec", "outputs", key],
        message: `the model has no output "${name}" (outputs: ${describe})`,
      });
  }
  if (problems.length > 0) return problems;
  const key = task === "regression" ? "value" : "probability";
  const named = io.outputs?.[key];
  const tensors = outs.filter((o) => o.kind === "tensor");
  const chosen =
    named ??
    (task === "regression"
      ? tensors.find(isFloat)?.name
      : (outs.find((o) => o.kind === "sequence" && /prob/i.test(o.name))?.name ??
        tensors.find((o) => isFloat(o) && /prob|score/i.test(o.name))?.name ??
        outs.find((o) => o.kind === "sequence")?.name ??
        tensors.find(isFloat)?.name));
  const path: Path = named ? ["spec", "outputs", key] : ["spec", "outputs"];
  if (!chosen) {
    return [
      {
        kind: "model",
        path,
        message:
          task === "regression"
            ? `the model has no float tensor output for a regression value (outputs: ${describe})`
            : `the model has no probability output that onnxruntime-node can return (outputs: ${describe}); export the probabilities as a tensor (skl2onnx: options={"zipmap": False}) or set spec.outputs.probability`,
      },
    ];
  }
  const spec = outs.find((o) => o.name === chosen)!;
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
          message: `output "${chosen}" is a ${spec.type}, which onnxruntime-node cannot return, and no ZipMap node produces it; export it as a tensor`,
        },
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
        message: `output "${chosen}" is ${spec.type} ${shapeText(spec.shape)}; predictions must be float32 or float64 (name the probability or value output in spec.outputs)`,
      },
    ];
  }
  const fixed = typeof shape[1] === "number" && shape[1] > 0;
  if (shape.length <= 1) plan.width = 1;
  else if (shape.length === 2 && fixed) plan.width = shape[1] as number;
  else if (shape.length === 2 && plan.classLabels) plan.width = plan.classLabels.length;
  else if (shape.length === 2 && task === "binary-classification") plan.width = 2;
  else {
    return [
      {
        kind: "model",
        path,
        message: `output "${chosen}" has shape ${shapeText(shape)}; modelgate needs [N], [N, 1] or [N, classes] with a fixed class count`,
      },
    ];
  }
  return [];
}

/**
 * Every problem that stops the model from running as the manifest maps it, and how to run it when there is none.
 * Pure: the signature and graph facts come from `readOnnxModel`/`graphFacts`.
 */
export function planModelIo(
  sig: OnnxSignature,
  graph: GraphFacts,
  task: Task,
  io: ModelIo,
): { plan?: IoPlan; problems: IoProblem[] } {
  const plan: IoPlan = { columnTypes: new Map(), fetch: "", width: 0 };
  const problems = [
    ...(io.signature ? declaredProblems(sig, io.signature) : []),
    ...inputProblems(sig, io, plan),
    ...outputProblems(sig, graph, task, io, plan),
  ];
  return problems.length > 0 ? { problems } : { plan, problems };
}

/** The message evaluate and train fail with: every problem, the declared signature's first, under the file's name. */
export function ioProblemsMessage(file: string, problems: IoProblem[]): string {
  const declared = problems.filter((p) => p.kind === "signature");
  const other = problems.filter((p) => p.kind !== "signature");
  const parts: string[] = [];
  if (declared.length > 0) {
    parts.push(
      `${file} does not match its declared signature:\n  ${declared.map((p) => p.message).join("\n  ")}\nUpdate spec.signature or re-export the model.`,
    );
  }
  if (other.length === 1) parts.push(`${file}: ${other[0].message}`);
  else if (other.length > 1)
    parts.push(`${file} cannot run as its manifest maps it:\n  ${other.map((p) => p.message).join("\n  ")}`);
  return parts.join("\n");
}
