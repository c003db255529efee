import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { bundleToJSON } from "@sigstore/bundle";
import { DSSEBundleBuilder } from "@sigstore/sign";
import { checkRecordAttestation } from "../../src/attest/verify.ts";
import { keySigner } from "../../src/attest/sign.ts";
import { PAYLOAD_TYPE } from "../../src/attest/statement.ts";
import { parseTrustPolicy } from "../../src/attest/trust.ts";
import { runAudit } from "../../src/audit/run.ts";
import { main } from "../../src/cli/main.ts";
import { parseLedger } from "../../src/ledger/ledger.ts";
import { publish } from "../../src/publish/run.ts";
import { bufferIo } from "../../src/util/io.ts";
import { mergedRepo } from "../publish/fixture.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";

// In GitHub Actions with an OIDC token and no key, publish commits the record naming its Statements and writes them
// for actions/attest; the workflow signs them (here a stand-in that builds the Statement as actions/attest v4 does:
// subjects from the checksums file, the predicate file parsed, JSON.stringify in its own key order, so the signed
// bytes differ from modelgate's canonical form); `modelgate attest store` files the bundles, and the record verifies.

const key = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const signer = keySigner(key.privateKey.export({ type: "pkcs8", format: "pem" }).toString());
const trust = parseTrustPolicy(
  JSON.stringify({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "TrustPolicy",
    publicKeys: [{ name: "workflow", pem: signer.publicKeyPem }],
  }),
  "trust.yaml",
  () => "",
);

/** What actions/attest does with subject-checksums, predicate-type and predicate-path (signing with a key here). */
async function attestLikeActionsAttest(s: { subjects: string; predicate: string; predicateType: string }) {
  const subject = readFileSync(s.subjects, "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [hex, name] = line.split(/ [ *]/);
      return { name, digest: { sha256: hex } };
    });
  const statement = {
    _type: "https://in-toto.io/Statement/v1",
    subject,
    predicateType: s.predicateType,
    predicate: JSON.parse(readFileSync(s.predicate, "utf8")),
  };
  const bundle = await new DSSEBundleBuilder({
    signer: {
      sign: async (data) => ({
        signature: signer.sign(data),
        key: { $case: "publicKey", publicKey: signer.publicKeyPem, hint: signer.hint },
      }),
    },
    witnesses: [],
  }).create({ data: Buffer.from(JSON.stringify(statement)), type: PAYLOAD_TYPE });
  return bundleToJSON(bundle);
}

test("Actions without a key: publish writes the Statements, actions/attest signs them, attest store files them", async () => {
  const m = await mergedRepo();
  const runner = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const env = { ...m.env, ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.invalid", RUNNER_TEMP: runner };
  const r = await publish({ cwd: m.root, env, io: bufferIo(m.root, env), facts: m.facts(), backoffMs: 5 });
  assert.deepEqual(r.refusals, []);
  const [p] = r.models;
  assert.equal(p.attestations?.by, "workflow");
  const pending = p.attestations?.by === "workflow" ? p.attestations.statements : [];
  assert.equal(pending.length, 2);
  assert.ok(pending.every((s) => s.predicate.startsWith(join(runner, "modelgate-attest"))));

  // the record is committed naming its Statements; no bundle is there yet: audit would report them missing
  const ledger = () => parseLedger(m.remoteGit("show", "main:records/churn/promotions.jsonl")).entries;
  const read = (path: string) => {
    try {
      return m.remoteGit("show", `main:${path}`);
    } catch {
      return undefined;
    }
  };
  const [record] = ledger();
  assert.equal(record.record.attestation?.signer, "workflow");
  assert.deepEqual(
    checkRecordAttestation("records/churn/promotions.jsonl", record, read, trust).problems.map((x) => x.kind),
    ["missing", "missing"],
  );

  // audit verify --registry --trust: the record's bundles are missing, and the image carries none
  const verify = async () => {
    m.git("fetch", "-q", "origin");
    const a = await runAudit({
      cwd: m.root,
      ref: "origin/main",
      verify: true,
      trust,
      registry: { env, layout: join(m.root, ".modelgate/images") },
    });
    return a.report.verification!.findings.map((f) => `${f.check}: ${f.message}`);
  };
  const before = await verify();
  assert.equal(before.length, 3, before.join("\n"));
  assert.match(
    before[0],
    /^attestation-missing: record #1 \(publish 1\.1\.0 to staging\) names the https:\/\/slsa\.dev\/provenance\/v1 Statement/,
  );
  assert.match(
    before[2],
    /^attestation-missing: registry\.invalid\/churn@sha256:[0-9a-f]{64} carries no attestation .* among its 0 Sigstore bundle referrers/,
  );

  // the workflow signs, and stores
  const files = [];
  for (const s of pending) {
    const file = join(runner, `${s.hex}.bundle.json`);
    writeFileSync(file, JSON.stringify(await attestLikeActionsAttest(s)));
    files.push(file);
  }
  const io = bufferIo(m.root, env);
  assert.equal(await main(["attest", "store", ...files], io), 0, io.stderr);
  assert.match(io.stdout, /filed .*https:\/\/slsa\.dev\/provenance\/v1 of churn 1\.1\.0 \(publish, record #1\)/);
  const c = checkRecordAttestation("records/churn/promotions.jsonl", ledger()[0], read, trust);
  assert.deepEqual(c.problems, []);
  assert.equal(c.attested.length, 2);
  assert.match(m.remoteGit("log", "-1", "--format=%s"), /^Attest churn 1\.1\.0 \(publish, record #1\)/);
  // the bundles are now beside the record and on the image (the local layout): audit verify finds nothing
  assert.deepEqual(await verify(), []);

  // the attestations action (the bundle, run as the runner runs it) files the same bundles again: nothing new
  const runner2 = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const outputFile = join(runner2, "output");
  writeFileSync(outputFile, "");
  const action = await runBundle(await bundleAction("attestations"), {
    ...env,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: m.root,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runner2,
    INPUT_BUNDLES: files.join("\n"),
    "INPUT_DRY-RUN": "false",
  });
  assert.equal(action.code, 0, action.stdout);
  const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
  assert.equal(outputs.commit, "");
  assert.deepEqual(
    JSON.parse(outputs.stored).map((x: any) => x.predicateType),
    ["https://slsa.dev/provenance/v1", "https://modelgate.dev/attestation/promotion/v1"],
  );

  // again: nothing to do; a bundle of a Statement no record names is refused, and nothing is filed
  const again = bufferIo(m.root, env);
  assert.equal(await main(["attest", "store", ...files], again), 0, again.stderr);
  assert.match(again.stdout, /filed already: nothing to do/);
  const stranger = join(runner, "stranger.json");
  const forged = JSON.parse(readFileSync(pending[1].predicate, "utf8"));
  forged.environment = "production";
  writeFileSync(pending[1].predicate, JSON.stringify(forged));
  writeFileSync(stranger, JSON.stringify(await attestLikeActionsAttest(pending[1])));
  const tipBefore = m.remoteGit("rev-parse", "main");
  const refused = bufferIo(m.root, env);
  assert.equal(await main(["attest", "store", stranger], refused), 1);
  assert.match(
    refused.stderr,
    /stranger\.json signs the Statement sha256:[0-9a-f]{64} about churn, which no promotion record/,
  );
  assert.equal(m.remoteGit("rev-parse", "main"), tipBefore);
});

test("the attestations action documents every input it reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/attestations/action.yml", "utf8"));
  const src = readFileSync("src/actions/attestations.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput|listInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(read)].sort(), Object.keys(yml.inputs).sort());
  assert.deepEqual([...new Set(set)].sort(), Object.keys(yml.outputs).sort());
  assert.equal(yml.runs.main, "../../dist/actions/attestations.js");
});
