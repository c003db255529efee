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

export function masker(secrets: string[]): (text: string) => string {
  if (secrets.length === 0) return (t) => t;
  return (text) => {
    for (const s of secrets) if (text.includes(s)) text = text.split(s).join("***");
    return text;
  };
}

/**
 * Splits a byte stream into lines so that a secret is masked even when it arrives split across chunks. A line that
 * grows past `maxPending` characters without a line break is flushed as it is.
 */
export class LineMasker {
  private pending = "";
  private readonly decoder = new TextDecoder();

  constructor(
    private readonly mask: (text: string) => string,
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
      this.emit(this.mask(this.pending));
      this.pending = "";
    }
  }

  end(): void {
    this.pending += this.decoder.decode();
    if (this.pending) this.emit(this.mask(this.pending));
    this.pending = "";
  }
}
