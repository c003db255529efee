// The JSON Schemas that schemas/ holds, generated from the zod schemas: scripts/schemas.ts writes them,
// test/generated.test.ts checks that they are up to date.
import { z } from "zod";
import { auditReportSchema } from "../src/audit/schema.ts";
import { evaluationRecordSchema } from "../src/records/evaluation.ts";
import { trainingRecordSchema } from "../src/records/training.ts";
import { promotionRecordSchema } from "../src/records/promotion.ts";
import { monitoringRecordSchema } from "../src/records/monitoring.ts";
import { configSchema, datasetSchema, modelSchema } from "../src/manifest/schema.ts";

const BASE = "https://modelgate.dev/schemas";

const schemas: Readonly<Record<string, { title: string; schema: z.ZodType }>> = {
  "config.schema.json": { title: "modelgate Config (modelgate.yaml)", schema: configSchema },
  "model.schema.json": { title: "modelgate Model (models/<name>/model.yaml)", schema: modelSchema },
  "dataset.schema.json": { title: "modelgate Dataset (data/<name>.yaml)", schema: datasetSchema },
  "evaluation-record.schema.json": { title: "modelgate evaluation record", schema: evaluationRecordSchema },
  "training-record.schema.json": { title: "modelgate training record", schema: trainingRecordSchema },
  "promotion-record.schema.json": { title: "modelgate promotion record", schema: promotionRecordSchema },
  "monitoring-record.schema.json": { title: "modelgate monitoring record", schema: monitoringRecordSchema },
  "audit-report.schema.json": {
    title: "modelgate audit report (audit --json, audit verify --json)",
    schema: auditReportSchema,
  },
};

/** The JSON Schemas, by file name, as the text written to schemas/. Input side: defaults are optional for editors. */
export function schemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { title, schema }] of Object.entries(schemas).sort()) {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    out[file] = `${JSON.stringify({ $id: `${BASE}/${file}`, title, ...json }, null, 2)}\n`;
  }
  return out;
}
