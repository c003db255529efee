/**
 * validate's reading of an ONNX file without onnx-proto (src/onnx/wire.ts): the signature and graph facts are those
 * of onnx-proto's decode, and whatever it does not take as it is (it then answers undefined) is left to onnx-proto.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import onnxProto from "onnx-proto";
import { graphFacts, signatureOf } from "../../src/onnx/graph.ts";
import { readOnnxModel } from "../../src/onnx/signature.ts";
import { readOnnxGraph } from "../../src/onnx/wire.ts";
import {
  buildModel,
  columnsModel,
  ints,
  linearClassifierZipMapModel,
  linearRegressorModel,
  logisticRegressionModel,
  softmaxRegressionModel,
} from "../support/onnx-build.ts";

const { onnx } = onnxProto;

/** What validate reads of a model: by onnx-proto, and without it. */
function both(bytes: Uint8Array) {
  const light = readOnnxGraph(bytes);
  assert.ok(light, "read without onnx-proto");
  const full = readOnnxModel(bytes);
  return {
    light: { signature: signatureOf(light), facts: graphFacts(light) },
    full: { signature: full.signature, facts: graphFacts(full.model) },
  };
}

const models: [string, Uint8Array][] = [
  [
    "the example",
    readFileSync(new URL("../../examples/fraud-detection/models/fraud-detector/model.onnx", import.meta.url)),
  ],
  ["logistic regression", logisticRegressionModel({ weights: [1, -2, 0.5], bias: 0.25 })],
  [
    "linear classifier, int classes, ZipMap",
    linearClassifierZipMapModel({ coefficients: [[0.5, -1]], intercepts: [0.1], classes: [0, 1] }),
  ],
  [
    "linear classifier, string classes, ZipMap",
    linearClassifierZipMapModel({
      coefficients: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      intercepts: [0, 0, 0],
      classes: ["bé", "b", "c"],
    }),
  ],
  ["linear regressor", linearRegressorModel({ coefficients: [1, 2], intercept: 3 })],
  ["softmax regression", softmaxRegressionModel({ weights: [[1, 2, 3]], bias: [0, 0, 0] })],
  ["columns", columnsModel({ wAmount: 1, wCount: 2, channels: ["pos", "online"], wChannel: [1, 2], bias: 0 })],
  [
    "dims of every kind, opsets, a BOM in a name, big class ids",
    buildModel({
      inputs: [
        { name: "\ufeffx", type: "float64", shape: ["batch", 0, -1, 7] },
        { name: "W", type: "float32", shape: [2] },
      ],
      outputs: [
        { name: "y", type: "bfloat16", shape: [] },
        { name: "z", zipmap: "string" },
      ],
      initializers: [{ name: "W", type: "float32", dims: [2], values: [1, 2] }],
      nodes: [
        {
          op: "LinearClassifier",
          domain: "ai.onnx.ml",
          inputs: ["x"],
          outputs: ["l", "p"],
          attributes: { classlabels_ints: ints([2 ** 40, 3, 0]), coefficients: [1, 2] },
        },
        {
          op: "ZipMap",
          domain: "ai.onnx.ml",
          inputs: ["p"],
          outputs: ["z"],
          attributes: { classlabels_int64s: ints([2 ** 52, 7]) },
        },
      ],
      opsets: { "": 21, "ai.onnx.ml": 4, "com.microsoft": 1 },
      producer: { name: "", version: "9" },
    }),
  ],
];

for (const [name, bytes] of models) {
  test(`${name}: the signature and graph facts are onnx-proto's`, () => {
    const { light, full } = both(bytes);
    assert.deepEqual(light, full);
  });
}

/** A length-delimited field (wire type 2) with its tag and length. */
function field(n: number, body: Uint8Array): Uint8Array {
  const tag = (n << 3) | 2;
  const varint = (v: number) => (v < 128 ? [v] : [(v & 0x7f) | 0x80, v >> 7]);
  return new Uint8Array([...varint(tag), ...varint(body.length), ...body]);
}
const utf8 = (s: string) => new TextEncoder().encode(s);

test("unknown fields of every wire type, and ints written unpacked, are read as onnx-proto reads them", () => {
  const zipOut = onnx.ValueInfoProto.encode({
    name: "z",
    type: { sequenceType: { elemType: { mapType: { keyType: 7 } } } },
  }).finish();
  // an attribute whose ints are written one by one (wire type 0), as well as packed
  const attr = new Uint8Array([
    ...field(1, utf8("classlabels_int64s")),
    0x40,
    5,
    0x40,
    6,
    ...field(8, Uint8Array.of(7, 8)),
  ]);
  const node = new Uint8Array([
    ...field(1, utf8("p")),
    ...field(2, utf8("z")),
    ...field(4, utf8("ZipMap")),
    ...field(5, attr),
    ...field(5, new Uint8Array([...field(1, utf8("other")), 0x40, 11])),
  ]);
  const graph = new Uint8Array([...field(1, node), ...field(12, zipOut)]);
  // unknown fields at the top: 30 varint, 31 fixed64, 32 bytes, 33 fixed32
  const unknown = Uint8Array.of(
    0xf0,
    0x01,
    0x96,
    0x01,
    0xf9,
    0x01,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    0x82,
    0x02,
    2,
    9,
    9,
    0x8d,
    0x02,
    1,
    2,
    3,
    4,
  );
  const bytes = new Uint8Array([0x08, 9, ...unknown, ...field(7, graph), ...field(8, Uint8Array.of(0x10, 19))]);
  const { light, full } = both(bytes);
  assert.deepEqual(light, full);
  assert.deepEqual(light.facts.zipMaps[0].classLabels, ["5", "6", "7", "8"]);
  assert.equal(light.signature.opsetVersion, 19);
});

test("bytes it does not take as they are are left to onnx-proto (undefined here)", () => {
  const good = models[1][1];
  // cut short; a group; invalid UTF-8 in a name; a number beyond 2^53; no graph; a known field with another wire type
  assert.equal(readOnnxGraph(good.subarray(0, good.length - 3)), undefined);
  assert.equal(readOnnxGraph(new Uint8Array([...good, 0xf3, 0x01, 0xf4, 0x01])), undefined);
  assert.equal(readOnnxGraph(Uint8Array.of(0x12, 2, 0xc3, 0x28, 0x3a, 0)), undefined);
  assert.equal(readOnnxGraph(Uint8Array.of(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x3a, 0)), undefined);
  assert.equal(readOnnxGraph(Uint8Array.of(0x08, 3)), undefined);
  assert.equal(readOnnxGraph(Uint8Array.of(0x38, 3)), undefined);
  assert.equal(readOnnxGraph(Uint8Array.of(0x3a, 0))?.graph.node.length, 0);
  // a negative class id is ten bytes of varint: left to onnx-proto
  const negative = buildModel({
    inputs: [{ name: "x", type: "float32", shape: [1] }],
    outputs: [{ name: "z", zipmap: "int64" }],
    nodes: [
      {
        op: "ZipMap",
        domain: "ai.onnx.ml",
        inputs: ["x"],
        outputs: ["z"],
        attributes: { classlabels_int64s: ints([-1, 1]) },
      },
    ],
  });
  assert.equal(readOnnxGraph(negative), undefined);
});

test("on randomly damaged copies, whatever it reads is what onnx-proto reads", () => {
  let seed = 12345;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  let read = 0;
  for (let i = 0; i < 3000; i++) {
    const [, base] = models[i % models.length];
    const bytes = Uint8Array.from(base);
    for (let k = 0, n = 1 + rand(3); k < n; k++) bytes[rand(bytes.length)] = rand(256);
    const light = readOnnxGraph(bytes);
    if (!light) continue;
    read++;
    const full = readOnnxModel(bytes);
    assert.deepEqual(
      { signature: signatureOf(light), facts: graphFacts(light) },
      { signature: full.signature, facts: graphFacts(full.model) },
    );
  }
  // about a quarter are read (the others are left to onnx-proto): enough to have compared many
  assert.ok(read > 500, `read ${read} of 3000`);
});
