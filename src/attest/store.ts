import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleFromJSON } from "@sigstore/bundle";
import { CheckFailed, UserError } from "../errors.ts";
import { attestationPathBeside, type LedgerEntry, parseLedger, promotionsPath } from "../ledger/ledger.ts";
import { defaultBranch, writeAndPush } from "../ledger/writer.ts";
import { LOCAL_REPOSITORY } from "../publish/change.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { attachBundles } from "./attach.ts";
import { statementDigest } from "./promotion.ts";
import { PAYLOAD_TYPE, type Statement } from "./statement.ts";
import { statementSchema } from "./statement-schema.ts";

/**
 * `modelgate attest store BUNDLE…`: files the bundles that the workflow's `actions/attest` steps signed (keylessly)
 * after publish or release committed their records. Each bundle's payload must be a Statement that a promotion
 * record on the GitOps branch names by digest (nothing else is filed); it goes beside the ledger
 * (`<records>/<model>/attestations/<hex>.sigstore.json`, one commit for all, retried on a moved tip) and onto the
 * record's image as an OCI referrer. Signatures are checked by `audit verify --trust`, against the auditor's policy.
 */

export interface StoreOptions {
  /** Bundle files (Sigstore bundle v0.3 JSON), relative to the workspace's io.cwd. */
  bundles: string[];
  remote?: string;
  branch?: string;
  dryRun?: boolean;
  backoffMs?: number;
}

export interface StoredBundle {
  file: string;
  model: string;
  /** sha256:<hex> of the Statement it signs. */
  digest: string;
  predicateType: string;
  /** Where it is kept in git. */
  path: string;
  record: { sequence: number; action: string; version: string };
  image: string;
}

export interface StoreResult {
  stored: StoredBundle[];
  /** The commit that filed them (undefined: every bundle was filed already, or a dry run). */
  commit?: string;
  dryRun: boolean;
}

/** A bundle read from its file: its text and the Statement it signs. */
export interface ReadBundle {
  file: string;
  text: string;
  statement: Statement;
}

/** Reads a bundle file and its payload; a file that is not a Sigstore bundle over an in-toto Statement is refused. */
export function readBundle(file: string, text: string): ReadBundle {
  let bundle: ReturnType<typeof bundleFromJSON>;
  try {
    bundle = bundleFromJSON(JSON.parse(text));
  } catch (err) {
    throw new UserError(`${file} is not a Sigstore bundle (${(err as Error).message})`);
  }
  if (bundle.content.$case !== "dsseEnvelope" || bundle.content.dsseEnvelope.payloadType !== PAYLOAD_TYPE) {
    throw new UserError(`${file} holds no DSSE envelope over an in-toto Statement (${PAYLOAD_TYPE})`);
  }
  const parsed = statementSchema.safeParse(JSON.parse(bundle.content.dsseEnvelope.payload.toString("utf8")));
  if (!parsed.success) throw new UserError(`${file}: the payload is not an in-toto Statement v1`);
  return { file, text, statement: parsed.data };
}

/** The model a Statement is about: the promotion predicate's model, or the SLSA provenance's external parameter. */
export function statementModel(s: Statement): string | undefined {
  const p = s.predicate as {
    model?: { name?: unknown };
    buildDefinition?: { externalParameters?: { model?: unknown } };
  };
  const name = p.model?.name ?? p.buildDefinition?.externalParameters?.model;
  return typeof name === "string" ? name : undefined;
}

/** Which record names each bundle's Statement, and where the bundle goes; a bundle no record names is refused. */
export function planStore(
  bundles: ReadBundle[],
  ledgerOf: (model: string) => { path: string; text: string },
): { files: Record<string, string>; stored: StoredBundle[]; entries: Map<string, LedgerEntry> } {
  const files: Record<string, string> = {};
  const stored: StoredBundle[] = [];
  const entries = new Map<string, LedgerEntry>();
  for (const b of bundles) {
    const digest = statementDigest(b.statement);
    const model = statementModel(b.statement);
    const ledger = model ? ledgerOf(model) : undefined;
    const entry = ledger
      ? parseLedger(ledger.text).entries.find((e) => e.record.attestation?.statements.some((s) => s.digest === digest))
      : undefined;
    if (!ledger || !model || !entry) {
      throw new CheckFailed(
        `${b.file} signs the Statement ${digest}${model ? ` about ${model}` : ""}, which no promotion record${ledger ? ` in ${ledger.path}` : ""} names; nothing was filed (store the bundles of the run that wrote the record)`,
      );
    }
    const path = attestationPathBeside(ledger.path, digest.slice(7));
    files[path] = b.text.endsWith("\n") ? b.text : `${b.text}\n`;
    entries.set(path, entry);
    stored.push({
      file: b.file,
      model,
      digest,
      predicateType: b.statement.predicateType,
      path,
      record: { sequence: entry.record.sequence, action: entry.record.action, version: entry.record.model.version },
      image: entry.record.image.reference,
    });
  }
  return { files, stored, entries };
}

export async function storeBundles(ws: Workspace, opts: StoreOptions): Promise<StoreResult> {
  if (opts.bundles.length === 0) throw new UserError("name the bundle files to store (actions/attest's bundle-path)");
  const bundles = opts.bundles.map((f) => {
    const file = resolve(ws.io.cwd, f);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new UserError(`cannot read the bundle ${f} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    return readBundle(f, text);
  });
  const cfg = ws.repo.config.spec;
  const remote = opts.remote ?? cfg.gitops.remote ?? "origin";
  const target = { remote, branch: opts.branch ?? cfg.gitops.branch ?? (await defaultBranch(ws.git, remote)) };
  const log = (line: string) => ws.io.err(`${line}\n`);
  let plan: ReturnType<typeof planStore> | undefined;
  const written = await writeAndPush(
    ws.git,
    target,
    async (tip) => {
      const texts = new Map<string, { path: string; text: string }>();
      for (const b of bundles) {
        const model = statementModel(b.statement);
        if (!model || texts.has(model)) continue;
        const path = promotionsPath(cfg.paths.records, model);
        texts.set(model, { path, text: (await tip.read(path)) ?? "" });
      }
      plan = planStore(
        bundles,
        (model) => texts.get(model) ?? { path: promotionsPath(cfg.paths.records, model), text: "" },
      );
      const files: Record<string, string> = {};
      for (const [path, text] of Object.entries(plan.files)) if ((await tip.read(path)) !== text) files[path] = text;
      if (opts.dryRun || Object.keys(files).length === 0) return undefined;
      const about = [
        ...new Set(
          plan.stored.map((s) => `${s.model} ${s.record.version} (${s.record.action}, record #${s.record.sequence})`),
        ),
      ];
      return {
        files,
        message: `Attest ${about.join(", ")}\n\n${plan.stored.length} signed Statement${plan.stored.length === 1 ? "" : "s"} filed beside the ledger:\n${plan.stored.map((s) => `${s.path} (${s.predicateType})`).join("\n")}`,
        tags: [],
      };
    },
    { identity: cfg.identity, backoffMs: opts.backoffMs, log },
  );
  const done = plan as ReturnType<typeof planStore> | undefined;
  if (!done) return { stored: [], dryRun: Boolean(opts.dryRun) };
  if (!opts.dryRun) {
    for (const s of done.stored) {
      const entry = done.entries.get(s.path)!;
      await attachBundles(
        entry.record.image.reference,
        entry.record.image.digest,
        [{ predicateType: s.predicateType, digest: s.digest, text: done.files[s.path] }],
        {
          env: ws.env,
          layoutDir: join(ws.root, ".modelgate", "images"),
          localRepository: LOCAL_REPOSITORY,
          log,
          at: ws
            .now()
            .toISOString()
            .replace(/\.\d{3}Z$/, "Z"),
        },
      );
    }
  }
  return { stored: done.stored, ...(written ? { commit: written.commit } : {}), dryRun: Boolean(opts.dryRun) };
}
