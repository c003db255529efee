import assert from "node:assert/strict";
import { test } from "node:test";
import { type LabelFacts, mapLabels } from "../../src/init/labels.ts";

/** Issue #22 items 1-2: init says how labels map to the model's classes, and never writes a guessed mapping. */
const facts = (o: Partial<LabelFacts>): LabelFacts => ({
  task: "binary-classification",
  column: "y",
  values: [0, 1],
  counts: new Map([
    ["0", 60],
    ["1", 40],
  ]),
  columns: { width: 2 },
  model: "m.onnx",
  data: "d.csv",
  ...o,
});
const words = {
  values: ["no", "yes"],
  counts: new Map([
    ["no", 60],
    ["yes", 40],
  ]),
};

test("known mappings: the graph's classes, the column numbers, true/false for 1/0", async () => {
  assert.deepEqual(await mapLabels(facts({})), {
    classes: [0, 1],
    classesNote: "the model's probability columns 0 to 1 (its graph names no classes), in column order",
    positive: 1,
    positiveNote: "review: the class whose probability the model scores",
    note: 'label "y": 0, 1 are the model\'s probability columns 0 to 1 (its graph names no classes)',
  });
  const graph = await mapLabels(facts({ ...words, columns: { width: 2, classes: ["no", "yes"] } }));
  assert.deepEqual(graph.classes, ["no", "yes"]);
  assert.equal(graph.note, 'label "y": "no", "yes" are the model\'s classes (named in its graph)');
  const bools = await mapLabels(
    facts({
      values: [false, true],
      counts: new Map([
        ["false", 5],
        ["true", 5],
      ]),
      columns: { width: 2, classes: ["0", "1"] },
    }),
  );
  assert.deepEqual(bools.classes, [false, true]);
  assert.equal(
    bools.note,
    'label "y": "false" is the model\'s class 0, "true" is the model\'s class 1 (named in its graph)',
  );
});

test("unknown mappings without a terminal: a TODO naming the field, nothing written as fact", async () => {
  const named = await mapLabels(facts({ ...words, columns: { width: 2, classes: ["0", "1"] } }));
  assert.equal(named.classes, undefined);
  assert.equal(named.labels, undefined);
  assert.deepEqual(named.todo, {
    text: "which of the model's classes [0, 1] (named in its graph) each label is; they cannot be told apart, e.g.",
    field: "labels",
    example: { no: 0, yes: 1 },
  });
  const bare = await mapLabels(facts({ ...words }));
  assert.equal(bare.todo?.field, "classes");
  const one = await mapLabels(facts({ ...words, columns: { width: 1 } }));
  assert.equal(one.positive, undefined);
  assert.equal(one.todo?.field, "positive");
  assert.match(one.note ?? "", /whose probability it is cannot be told; set spec\.label\.positive/);
  // 0/1 with one score: the score is the probability of 1, as evaluate takes it
  assert.equal((await mapLabels(facts({ columns: { width: 1 } }))).positive, 1);
});

test("on a terminal, the answers become the mapping; an answer that is not a class is refused", async () => {
  const answers = (list: string[]) => async () => list.shift() ?? "";
  const mapped = await mapLabels(
    facts({ ...words, columns: { width: 2, classes: ["0", "1"] }, ask: answers(["1", "0"]) }),
  );
  assert.deepEqual(mapped.labels, { no: 1, yes: 0 });
  assert.deepEqual(mapped.classes, ["yes", "no"], "in the model's column order");
  await assert.rejects(
    mapLabels(facts({ ...words, columns: { width: 2, classes: ["0", "1"] }, ask: answers(["maybe"]) })),
    /"maybe" is not one of the model's classes \[0, 1\]/,
  );
  const one = await mapLabels(facts({ ...words, columns: { width: 1 }, ask: answers(["no"]) }));
  assert.equal(one.positive, "no");
});
