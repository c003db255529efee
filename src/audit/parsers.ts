import type { manifestAt as manifestAtWithYaml } from "../manifest/at-commit.ts";
import { type ManifestAtCommit, manifestWith } from "../manifest/at-commit-plain.ts";
import { plainManifest } from "../manifest/plain.ts";
import type { Kind } from "../manifest/schema.ts";
import type { readOverlayPin as readOverlayPinWithYaml } from "../deploy/render.ts";
import { DEFER, fastOverlayPin, type OverlayPin } from "../deploy/overlay-pin.ts";
import type { MonitoringRecord, monitoringRecordSchema } from "../records/monitoring.ts";
import { checkMonitoringRecord } from "../records/monitoring-check.ts";
import { SchemaNotLoaded } from "../records/promotion-read.ts";

/**
 * The readers of manifests and overlays that verify's rules call (synchronously), without `yaml` and zod while every
 * text is in the plain style they read (../manifest/plain.ts, ../deploy/overlay-pin.ts) and valid. A text they leave
 * to `yaml` before ../manifest/at-commit.ts and ../deploy/render.ts are loaded throws ParsersNotLoaded: withParsers
 * loads them and runs the reading again (it reads only what git gave, so it runs again the same), and from then on
 * they read as they always did, with every message the same.
 *
 * zod stays out the same way (issue #25): a monitoring record the generated check does not accept is read by its schema
 * (../records/monitoring.ts) only once withParsers has loaded it, and a promotion record of a ledger's history that the generated check does not accept
 * throws SchemaNotLoaded (../records/promotion-read.ts) until ../ledger/ledger.ts gives zod's check: withParsers loads
 * them with the readers above, and runs the reading again.
 */

let loaded:
  | {
      manifestAt: typeof manifestAtWithYaml;
      readOverlayPin: typeof readOverlayPinWithYaml;
      monitoringRecordSchema: typeof monitoringRecordSchema;
    }
  | undefined;

/** A text the plain readers leave to `yaml`, read before the readers with `yaml` were loaded (see withParsers). */
export class ParsersNotLoaded extends Error {
  constructor() {
    super("a manifest, overlay or monitoring record needs yaml or zod to be read: run the reading in withParsers");
    this.name = "ParsersNotLoaded";
  }
}

/**
 * Loads the readers with `yaml` and zod (../manifest/at-commit.ts, ../deploy/render.ts, the monitoring record's schema)
 * and zod's promotion-record check (../ledger/ledger.ts).
 */
export async function loadParsers(): Promise<void> {
  if (loaded) return;
  const [{ manifestAt }, { readOverlayPin }, { monitoringRecordSchema }] = await Promise.all([
    import("../manifest/at-commit.ts"),
    import("../deploy/render.ts"),
    import("../records/monitoring.ts"),
    import("../ledger/ledger.ts"),
  ]);
  loaded = { manifestAt, readOverlayPin, monitoringRecordSchema };
}

/**
 * Runs `read`; when it needed the readers with `yaml` or zod before they were loaded (ParsersNotLoaded,
 * SchemaNotLoaded), loads them and runs it again.
 */
export async function withParsers<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof ParsersNotLoaded) && !(e instanceof SchemaNotLoaded)) throw e;
    await loadParsers();
    return await read();
  }
}

/** ../manifest/at-commit.ts manifestAt: the same value and findings. */
export function manifestAt<K extends Kind>(
  commit: string,
  file: string,
  bytes: Buffer | undefined,
  kind: K,
): ManifestAtCommit<K> {
  const plain = manifestWith(plainManifest, commit, file, bytes, kind);
  if (plain) return plain;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.manifestAt(commit, file, bytes, kind);
}

/** ../deploy/render.ts readOverlayPin: the same pin. */
export function readOverlayPin(text: string): OverlayPin {
  const fast = fastOverlayPin(text);
  if (fast !== DEFER) return fast;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.readOverlayPin(text);
}

/**
 * A monitoring record's JSON as its schema reads it (../records/monitoring.ts monitoringRecordSchema.parse): by the check
 * generated from it (../records/monitoring-check.ts), and by zod for a record that check does not accept (zod throws).
 */
export function monitoringRecord(json: unknown): MonitoringRecord {
  const checked = checkMonitoringRecord(json);
  if (checked) return checked;
  if (!loaded) throw new ParsersNotLoaded();
  return loaded.monitoringRecordSchema.parse(json);
}
