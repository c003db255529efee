/**
 * Secrets never reach the terminal or the log: the values of environment variables whose names look like secrets
 * (TOKEN, SECRET, PASSWORD, KEY, CREDENTIAL, …) are replaced by *** in everything the training command prints.
 */

export const SECRET_NAME = /TOKEN|SECRET|PASSW|KEY|CREDENTIAL|PRIVATE/i;
/** Shorter values are not masked: masking "1" or "yes" everywhere would wreck the log and protect nothing. */
const MIN_SECRET_LENGTH = 4;

/** The values to mask: of every variable in `env` whose name looks like a secret, longest first. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(value);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of the secrets (longest first) by ***; `secrets` says what it masks. */
export interface Mask {
  (text: string): string;
  readonly secrets: readonly string[];
}

export function masker(secrets: string[]): Mask {
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  const mask = (text: string) => {
    for (const s of sorted) if (text.includes(s)) text = text.split(s).join("***");
    return text;
  };
  return Object.assign(mask, { secrets: sorted });
}

/**
 * Splits a byte stream into lines so that a secret is masked even when it arrives split across chunks. A line that
 * grows past `maxPending` characters without a line break is flushed, all but its tail: the last characters, which
 * may be the start of a secret whose end has not arrived, and any secret the flush point would cut, stay pending.
 */
export class LineMasker {
  private pending = "";
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly mask: Mask,
    private readonly emit: (text: string) => void,
    private readonly maxPending = 64 * 1024,
  ) {}

  write(chunk: Uint8Array): void {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const cut = Math.max(this.pending.lastIndexOf("\n"), this.pending.lastIndexOf("\r"));
    if (cut >= 0) {
      this.emit(this.mask(this.pending.slice(0, cut + 1)));
      this.pending = this.pending.slice(cut + 1);
    }
    if (this.pending.length > this.maxPending) {
      const at = safeCut(this.pending, this.mask.secrets);
      this.emit(this.mask(this.pending.slice(0, at)));
      this.pending = this.pending.slice(at);
    }
  }

  /** Everything still pending, masked (the stream ended). */
  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending) this.emit(this.mask(this.pending));
    this.pending = "";
  }
}

/**
 * Where text may be cut so that no secret shows on either side: before the last (longest secret − 1) characters,
 * which may begin a secret still arriving, and before any occurrence of a secret that the cut would split.
 */
export function safeCut(text: string, secrets: readonly string[]): number {
  const longest = secrets.reduce((m, s) => Math.max(m, s.length), 0);
  let cut = Math.max(0, text.length - Math.max(0, longest - 1));
  // (bounded: a secret that overlaps itself, repeated, could otherwise walk the cut back through the whole text)
  for (let moved = true, rounds = 0; moved && cut > 0 && rounds < 64; rounds++) {
    moved = false;
    for (const s of secrets) {
      // an occurrence that starts before the cut and ends after it
      const from = text.lastIndexOf(s, cut - 1);
      if (from >= 0 && from + s.length > cut) {
        cut = from;
        moved = true;
      }
    }
  }
  return cut;
}
