import { createRequire } from 'node:module';
import { s as statementSchema } from './chunk-O6VIHSKQ-D4UN1D9F.js';
import { a as attachBundles } from './chunk-SUJYJUOK-DVAOOj-J.js';
import { L as LOCAL_REPOSITORY } from './chunk-YPELLATJ-DmrUE5hP.js';
import { d as defaultBranch, w as writeAndPush } from './chunk-I7OPH6LF-DZAU6hue.js';
import { r as require_dist2 } from './chunk-MNVFN7U6-VUjvR0Gk.js';
import { P as PAYLOAD_TYPE, s as statementDigest } from './hot-verify-CS61MYk-.js';
import { O as parseLedger, a as attestationPathBeside, D as promotionsPath } from './hot-audit-verify-DZYJh8zf.js';
import { c as __toESM, U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/attest/store.ts
var import_bundle = __toESM(require_dist2(), 1);
function readBundle(file, text) {
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(JSON.parse(text));
  } catch (err) {
    throw new UserError(`${file} is not a Sigstore bundle (${err.message})`);
  }
  if (bundle.content.$case !== "dsseEnvelope" || bundle.content.dsseEnvelope.payloadType !== PAYLOAD_TYPE) {
    throw new UserError(`${file} holds no DSSE envelope over an in-toto Statement (${PAYLOAD_TYPE})`);
  }
  const parsed = statementSchema.safeParse(JSON.parse(bundle.content.dsseEnvelope.payload.toString("utf8")));
  if (!parsed.success) throw new UserError(`${file}: the payload is not an in-toto Statement v1`);
  return { file, text, statement: parsed.data };
}
function statementModel(s) {
  const p = s.predicate;
  const name = p.model?.name ?? p.buildDefinition?.externalParameters?.model;
  return typeof name === "string" ? name : void 0;
}
function planStore(bundles, ledgerOf) {
  const files = {};
  const stored = [];
  const entries = /* @__PURE__ */ new Map();
  for (const b of bundles) {
    const digest = statementDigest(b.statement);
    const model = statementModel(b.statement);
    const ledger = model ? ledgerOf(model) : void 0;
    const entry = ledger ? parseLedger(ledger.text).entries.find((e) => e.record.attestation?.statements.some((s) => s.digest === digest)) : void 0;
    if (!ledger || !model || !entry) {
      throw new CheckFailed(
        `${b.file} signs the Statement ${digest}${model ? ` about ${model}` : ""}, which no promotion record${ledger ? ` in ${ledger.path}` : ""} names; nothing was filed (store the bundles of the run that wrote the record)`
      );
    }
    const path = attestationPathBeside(ledger.path, digest.slice(7));
    files[path] = b.text.endsWith("\n") ? b.text : `${b.text}
`;
    entries.set(path, entry);
    stored.push({
      file: b.file,
      model,
      digest,
      predicateType: b.statement.predicateType,
      path,
      record: { sequence: entry.record.sequence, action: entry.record.action, version: entry.record.model.version },
      image: entry.record.image.reference
    });
  }
  return { files, stored, entries };
}
async function storeBundles(ws, opts) {
  if (opts.bundles.length === 0) throw new UserError("name the bundle files to store (actions/attest's bundle-path)");
  const bundles = opts.bundles.map((f) => {
    const file = resolve(ws.io.cwd, f);
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new UserError(`cannot read the bundle ${f} (${err.code ?? err})`);
    }
    return readBundle(f, text);
  });
  const cfg = ws.repo.config.spec;
  const remote = opts.remote ?? cfg.gitops.remote ?? "origin";
  const target = { remote, branch: opts.branch ?? cfg.gitops.branch ?? await defaultBranch(ws.git, remote) };
  const log = (line) => ws.io.err(`${line}
`);
  let plan;
  const written = await writeAndPush(
    ws.git,
    target,
    async (tip) => {
      const texts = /* @__PURE__ */ new Map();
      for (const b of bundles) {
        const model = statementModel(b.statement);
        if (!model || texts.has(model)) continue;
        const path = promotionsPath(cfg.paths.records, model);
        texts.set(model, { path, text: await tip.read(path) ?? "" });
      }
      plan = planStore(
        bundles,
        (model) => texts.get(model) ?? { path: promotionsPath(cfg.paths.records, model), text: "" }
      );
      const files = {};
      for (const [path, text] of Object.entries(plan.files)) if (await tip.read(path) !== text) files[path] = text;
      if (opts.dryRun || Object.keys(files).length === 0) return void 0;
      const about = [
        ...new Set(
          plan.stored.map((s) => `${s.model} ${s.record.version} (${s.record.action}, record #${s.record.sequence})`)
        )
      ];
      return {
        files,
        message: `Attest ${about.join(", ")}

${plan.stored.length} signed Statement${plan.stored.length === 1 ? "" : "s"} filed beside the ledger:
${plan.stored.map((s) => `${s.path} (${s.predicateType})`).join("\n")}`,
        tags: []
      };
    },
    { identity: cfg.identity, backoffMs: opts.backoffMs, log }
  );
  const done = plan;
  if (!done) return { stored: [], dryRun: Boolean(opts.dryRun) };
  if (!opts.dryRun) {
    for (const s of done.stored) {
      const entry = done.entries.get(s.path);
      await attachBundles(
        entry.record.image.reference,
        entry.record.image.digest,
        [{ predicateType: s.predicateType, digest: s.digest, text: done.files[s.path] }],
        {
          env: ws.env,
          layoutDir: join(ws.root, ".modelgate", "images"),
          localRepository: LOCAL_REPOSITORY,
          log,
          at: ws.now().toISOString().replace(/\.\d{3}Z$/, "Z")
        }
      );
    }
  }
  return { stored: done.stored, ...written ? { commit: written.commit } : {}, dryRun: Boolean(opts.dryRun) };
}

export { storeBundles as s };
