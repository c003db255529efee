import { readOverlayPin } from "../parsers.ts";
import { isModelName } from "../../ledger/tags.ts";
import type { PathChange } from "../../git/history.ts";
import { type CommitInfo, deployPathOf, gitBlobId, overlayOf, type Snapshot, ZERO } from "../history.ts";
import type { LedgerView } from "../ledgers.ts";
import type { Finding } from "../schema.ts";
import { type CommitRule, commitText, finding, type VerifyFacts } from "./context.ts";

/**
 * The deploy folder of each audited model: every change made by the modelgate commit that appends the record behind it
 * (the base and the GitOps objects of spec.deploy.gitops only by publish, an overlay only by a promotion to its
 * environment, nothing else at all), and each overlay written pinned to exactly that record's image, version and
 * digest. A hand edit is a finding. So is anything else
 * under the deploy root that no record explains: a file directly under it (a root kustomization that patches every
 * model's image), a folder of a model that has no ledger.
 */

type Pin = { image: string; version: string; record: string };

const SAFE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;

/**
 * What verify knows of overlays, per audit (keyed by the map of blobs the audit read, which knownOverlays and the
 * rules share): readOverlayPin of each text read once (the overlays that pin nothing are one text per environment);
 * per model/environment the last overlay it confirmed, with its pinned values as placeholders; and per environment
 * the first such template with the model's name as a placeholder too, so that the first overlay of every other model
 * is known without parsing YAML (most of what verify spent on overlays). Memos only: an overlay that matches a
 * template pins what parsing would find.
 */
interface PinMemo {
  pins: Map<string, ReturnType<typeof readOverlayPin>>;
  templates: Map<string, string>;
  byEnvironment: Map<string, string>;
}
const pinMemos = new WeakMap<object, PinMemo>();

function pinMemo(scope: object): PinMemo {
  let memo = pinMemos.get(scope);
  if (!memo) {
    memo = { pins: new Map(), templates: new Map(), byEnvironment: new Map() };
    pinMemos.set(scope, memo);
  }
  return memo;
}

function pinOfText(scope: object, text: string): ReturnType<typeof readOverlayPin> {
  const { pins } = pinMemo(scope);
  if (pins.has(text)) return pins.get(text);
  const pin = readOverlayPin(text);
  pins.set(text, pin);
  return pin;
}

/**
 * Whether an overlay's text pins exactly `want`, without parsing YAML when it can be known from text alone: modelgate
 * writes each overlay of a model and environment from the same template, so an overlay is the last one readOverlayPin
 * confirmed, with that one's image, record and version replaced by these (or, for a model's first, another model's
 * first in that environment with its name replaced too). The replacement is by placeholders, only of plain tokens (no
 * space, quote, # or YAML indicator: the document's structure cannot change) that are not substrings of one another
 * (each pinned field held exactly one of them); the name only where it is the target's `name:`, the one place
 * modelgate writes it outside the image; anything else is parsed. `key` is model/environment.
 */
export function pinsExactly(facts: VerifyFacts, key: string, text: string, want: Pin): boolean {
  return confirmsPin(facts.blobs, key, text, want);
}

function confirmsPin(scope: object, key: string, text: string, want: Pin): boolean {
  const memo = pinMemo(scope);
  const own = memo.templates.get(key);
  if (own !== undefined && fillTemplate(own, want) === text) return true;
  const [model, env] = splitKey(key);
  const shared = env === undefined ? undefined : memo.byEnvironment.get(env);
  const pinned =
    (shared !== undefined && isModelName(model) && fillTemplate(shared, want)?.replaceAll(NAME_HOLE, model) === text) ||
    parsedPins(scope, text, want);
  if (!pinned) return false;
  const template = templateOf(text, want);
  if (template === undefined) return true;
  memo.templates.set(key, template);
  if (env !== undefined && !memo.byEnvironment.has(env)) {
    const named = namedTemplate(template, model);
    if (named !== undefined) memo.byEnvironment.set(env, named);
  }
  return true;
}

const splitKey = (key: string): [string, string | undefined] => {
  const slash = key.indexOf("/");
  return slash < 0 ? [key, undefined] : [key.slice(0, slash), key.slice(slash + 1)];
};

const NAME_HOLE = "\u0000name\u0000";

/**
 * A template with the model's name as a placeholder where it is the target's `name:` (a line of its own), when that is
 * the only place the name is left (else undefined: the name would be replaced where it means something else).
 */
function namedTemplate(template: string, model: string): string | undefined {
  if (!isModelName(model)) return undefined;
  const named = template.replaceAll(`name: ${model}\n`, `name: ${NAME_HOLE}\n`);
  return named !== template && !named.includes(model) ? named : undefined;
}

/** Whether readOverlayPin finds exactly `want` in the overlay's text (the YAML parsed). */
function parsedPins(scope: object, text: string, want: Pin): boolean {
  const pin = pinOfText(scope, text);
  return pin?.image === want.image && pin.record === want.record && pin.version === want.version;
}

const pinValues = (p: Pin) => [p.image, p.record, p.version];
const HOLES = ["\u0000image\u0000", "\u0000record\u0000", "\u0000version\u0000"];

/**
 * Each template split at its holes, once: the text between them and, at odd places, which value goes there (an index
 * of pinValues). Templates are one per model and environment; the cache is dropped whole when it grows past that.
 */
const templateParts = new Map<string, (string | number)[]>();

function partsOf(template: string): (string | number)[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template
      .split(/\u0000(image|record|version)\u0000/)
      .map((p, i) => (i % 2 === 1 ? HOLES.indexOf(`\u0000${p}\u0000`) : p));
    if (templateParts.size >= 1024) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}

/** A template with these values in its places, or undefined when a value is not a plain token. */
function fillTemplate(template: string, want: Pin): string | undefined {
  const fill = pinValues(want);
  if (!fill.every((x) => SAFE_TOKEN.test(x))) return undefined;
  let text = "";
  for (const p of partsOf(template)) text += typeof p === "number" ? fill[p] : p;
  return text;
}

/** An overlay's text that pins `want` (readOverlayPin said so) with its values as placeholders, when they can be. */
function templateOf(text: string, want: Pin): string | undefined {
  const v = pinValues(want);
  const distinct = v.every((x, i) => SAFE_TOKEN.test(x) && v.every((y, j) => i === j || !y.includes(x)));
  if (!distinct || text.includes("\u0000")) return undefined;
  return text.replaceAll(want.image, HOLES[0]).replaceAll(want.record, HOLES[1]).replaceAll(want.version, HOLES[2]);
}

/** An overlay an audited model's commit wrote (its blob), and what the record that commit appended for it pins. */
export interface OverlayWrite {
  oid: string;
  /** model/environment */
  key: string;
  want: Pin | undefined;
}

/** Each overlay written in the audited models' folders, in the history's order (what verify reads of deploy/). */
export function overlayWrites(snap: Snapshot, views: LedgerView[]): OverlayWrite[] {
  const byModel = new Map(views.map((v) => [v.model, v]));
  const out: OverlayWrite[] = [];
  for (const c of snap.commits) {
    for (const ch of c.changes) {
      const o = overlayOf(snap, ch.path);
      const view = o && byModel.get(o.model);
      if (!o || !view || ZERO.test(ch.newOid)) continue;
      const own = (view.byCommit.get(c.oid) ?? []).find((a) => a.record?.environment === o.env);
      const r = own?.record;
      const want =
        r && own.digest ? { image: r.image.reference, version: r.model.version, record: own.digest } : undefined;
      out.push({ oid: ch.newOid, key: `${o.model}/${o.env}`, want });
    }
  }
  return out;
}

/**
 * The overlays whose bytes are known without reading them: modelgate writes each overlay of a model and environment
 * from the same template, so once the first one of each (read: `blobs`) pins its record, each later one is expected
 * to be that text with its own record's values; when git's blob id of that text is the id the commit wrote, those are
 * its bytes. Any other overlay is read.
 */
export function knownOverlays(
  writes: OverlayWrite[],
  blobs: ReadonlyMap<string, Buffer | undefined>,
  format: Snapshot["objectFormat"],
): Map<string, Buffer> {
  const templates = new Map<string, string | undefined>();
  const known = new Map<string, Buffer>();
  for (const w of writes) {
    if (!w.want) continue;
    if (!templates.has(w.key)) {
      const text = blobs.get(w.oid)?.toString("utf8");
      const pins = text !== undefined && confirmsPin(blobs, w.key, text, w.want);
      templates.set(w.key, pins ? templateOf(text, w.want) : undefined);
      continue;
    }
    const template = templates.get(w.key);
    const text = template === undefined ? undefined : fillTemplate(template, w.want);
    if (text === undefined) continue;
    const bytes = Buffer.from(text, "utf8");
    if (gitBlobId(bytes, format) === w.oid) known.set(w.oid, bytes);
  }
  return known;
}

/**
 * The overlays read before knownOverlays: the first of each model and environment that a record explains (to know
 * the others by), and every one that no record explains (which nothing could predict).
 */
export function firstOverlays(writes: OverlayWrite[]): string[] {
  const keys = new Set<string>();
  const out: string[] = [];
  for (const w of writes) {
    if (w.want && keys.has(w.key)) continue;
    if (w.want) keys.add(w.key);
    out.push(w.oid);
  }
  return out;
}

/** deploy-edit, overlay-pin: each change of a commit to an audited model's deploy folder. */
export const deployEditsByModelgate: CommitRule = (facts, c) => {
  const out: Finding[] = [];
  for (const ch of c.changes) out.push(...deployChange(facts, c, ch));
  return out;
};

const did = (ch: PathChange) =>
  ch.status.startsWith("D") ? "deleted" : ch.status.startsWith("A") ? "added" : "changed";

/** deploy-edit: a change under the deploy root outside any model's folder, or in a folder of a model with no ledger. */
function outsideModels(facts: VerifyFacts, c: CommitInfo, ch: PathChange, model: string | undefined): Finding[] {
  const root = facts.snap.config.deploy;
  if (model === undefined) {
    return [
      finding(
        "deploy-edit",
        { commit: c.oid, path: ch.path },
        `${commitText(c)} ${did(ch)} ${ch.path}, a file directly under ${root}/ that no promotion record explains (a kustomization there can patch the image of every model's overlays)`,
        `nothing under ${root}/ but the folders of models, each written by modelgate`,
      ),
    ];
  }
  if (facts.ledgerModels.has(model)) return []; // another model's folder, not audited this time
  return [
    finding(
      "deploy-edit",
      { model, commit: c.oid, path: ch.path },
      `${commitText(c)} ${did(ch)} ${ch.path}, in ${root}/${model}/, the folder of a model that has no promotion ledger: no record put anything there`,
      `a folder under ${root}/ only for a model whose promotions ${facts.snap.config.records}/${model}/promotions.jsonl records`,
    ),
  ];
}

function deployChange(facts: VerifyFacts, c: CommitInfo, ch: PathChange): Finding[] {
  const { snap } = facts;
  const d = deployPathOf(snap, ch.path);
  if (!d) return ch.path.startsWith(`${snap.config.deploy}/`) ? outsideModels(facts, c, ch, undefined) : [];
  const view = facts.views.get(d.model);
  if (!view) return outsideModels(facts, c, ch, d.model);
  const mine = (view.byCommit.get(c.oid) ?? []).filter((a) => a.record);
  const text = ch.newOid && !/^0+$/.test(ch.newOid) ? facts.blobs.get(ch.newOid)?.toString("utf8") : undefined;
  let parsedPin: ReturnType<typeof readOverlayPin> | null = null;
  const pinOf = () => {
    if (parsedPin === null) parsedPin = d.env && text !== undefined ? pinOfText(facts.blobs, text) : undefined;
    return parsedPin;
  };
  const where = { model: d.model, commit: c.oid, path: ch.path };
  if (mine.length === 0) {
    return [
      finding(
        "deploy-edit",
        where,
        `${commitText(c)} ${did(ch)} ${ch.path}${
          pinOf() ? ` (it pins ${pinOf()?.image}${pinOf()?.record ? `, claiming record ${pinOf()?.record}` : ""})` : ""
        } without a promotion record: a change made outside modelgate`,
        `every change to ${snap.config.deploy}/${d.model}/ made by the modelgate commit that appends the record behind it`,
      ),
    ];
  }
  // the base, and each environment's Argo CD Application or Flux Kustomization (spec.deploy.gitops): publish's
  const gitops = /^gitops\/[^/]+\.yaml$/.test(d.file);
  if (d.base || gitops) {
    if (mine.some((a) => a.record?.action === "publish")) return [];
    const what = gitops ? "the GitOps objects" : "the base";
    return [
      finding(
        "deploy-edit",
        where,
        `${commitText(c)} changed ${ch.path}, but it appends no publish record (only publish writes ${what})`,
        `${what} changed only by publish`,
      ),
    ];
  }
  if (!d.env || d.file !== "kustomization.yaml") {
    return [
      finding(
        "deploy-edit",
        where,
        `${commitText(c)} wrote ${ch.path}, a file modelgate never writes`,
        `only ${snap.config.deploy}/${d.model}/base/, overlays/<environment>/kustomization.yaml and gitops/<environment>.yaml, written by modelgate`,
      ),
    ];
  }
  const own = mine.find((a) => a.record?.environment === d.env);
  if (!own?.record) {
    if (ch.status.startsWith("A") && !pinOf()) return [];
    return [
      finding(
        "deploy-edit",
        where,
        `${commitText(c)} changed the ${d.env} overlay${pinOf() ? ` to ${pinOf()?.image}` : ""}, but its record promotes to ${mine.map((a) => a.record?.environment).join(", ")}`,
        `the ${d.env} overlay changed only by a promotion to ${d.env}`,
      ),
    ];
  }
  const r = own.record;
  const want = { image: r.image.reference, version: r.model.version, record: own.digest as string };
  const wrong: string[] = [];
  const pin = text !== undefined && pinsExactly(facts, `${d.model}/${d.env}`, text, want) ? want : pinOf();
  if (ch.status.startsWith("D")) wrong.push("it deleted the overlay");
  else if (!pin) wrong.push("the overlay pins no image");
  else {
    if (pin.image !== r.image.reference) wrong.push(`it pins ${pin.image}, the record ${r.image.reference}`);
    if (pin.record !== own.digest) wrong.push(`it names record ${pin.record ?? "(none)"}, not ${own.digest}`);
    if (pin.version !== r.model.version)
      wrong.push(`it names version ${pin.version ?? "(none)"}, not ${r.model.version}`);
  }
  if (!wrong.length) return [];
  return [
    finding(
      "overlay-pin",
      where,
      `${commitText(c)} appended record #${r.sequence}, but the ${d.env} overlay it wrote does not match it: ${wrong.join("; ")}`,
      `the overlay pinned to ${r.image.reference}, version ${r.model.version}, record ${own.digest}`,
    ),
  ];
}
