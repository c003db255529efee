import type { manifestAt as manifestAtWithYaml } from "../manifest/at-commit.ts";
import { type ManifestAtCommit, manifestWith } from "../manifest/at-commit-plain.ts";
import { plainManifest } from "../manifest/plain.ts";
import type { Kind } from "../manifest/schema.ts";
import type { readOverlayPin as readOverlayPinWithYaml } from "../deploy/render.ts";
import { DEFER, fastOverlayPin, type OverlayPin } from "../deploy/overlay-pin.ts";

/**
 * The readers of manifests and overlays that verify's rules call (synchronously), without `yaml` and zod while every
 * text is in the plain style they read (../manifest/plain.ts, ../deploy/overlay-pin.ts) and valid. A text they leave
 * to `yaml` before ../manifest/at-commit.ts and ../deploy/render.ts are loaded throws ParsersNotLoaded: withParsers
 * loads them and runs the reading again (it reads only what git gave, so it runs again the same), and from then on
 * they read as they always did, with every message the same.
 */

let loaded: { manifestAt: typeof manifestAtWithYaml; readOverlayPin: typeof readOverlayPinWithYaml } | undefined;

/** A text the plain readers leave to `yaml`, read before the readers with `yaml` were loaded (see withParsers). */
export class ParsersNotLoaded extends Error {
  constructor() {
    super("a manifest or overlay needs yaml to be read: run the reading in withParsers");
    this.name = "ParsersNotLoaded";
  }
}

/** Loads the readers with `yaml` and zod (../manifest/at-commit.ts, ../deploy/render.ts). */
export async function loadParsers(): Promise<void> {
  if (loaded) return;
  const [{ manifestAt }, { readOverlayPin }] = await Promise.all([
    import("../manifest/at-commit.ts"),
    import("../deploy/render.ts"),
  ]);
  loaded = { manifestAt, readOverlayPin };
}

/** Runs `read`; when it needed the readers with `yaml` before they were loaded, loads them and runs it again. */
export async function withParsers<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof ParsersNotLoaded)) throw e;
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
