import type { Io } from "./io.ts";

/**
 * Progress on long work: a bar redrawn in place on a terminal, a plain line every few seconds elsewhere (CI logs).
 * `total` may be unknown (0): then it reports the count and rate only.
 */
export class Progress {
  private done = 0;
  private readonly start = Date.now();
  private lastPrint = 0;
  private printed = false;

  /**
   * With `quietStart`, nothing is printed before the first interval has passed (work that ends sooner says nothing),
   * and `tick()` prints on time alone: a line every interval while the work runs, even when no unit moved.
   */
  constructor(
    private readonly io: Io,
    private readonly label: string,
    private total = 0,
    private readonly unit = "rows",
    private readonly intervalMs = io.isTTY ? 100 : 5000,
    private readonly quietStart = false,
  ) {
    if (quietStart) this.lastPrint = this.start;
  }

  setTotal(total: number): void {
    this.total = total;
  }

  add(n: number): void {
    this.done += n;
    const now = Date.now();
    if (now - this.lastPrint >= this.intervalMs) {
      this.lastPrint = now;
      this.print(false);
    }
  }

  /** A line when the interval has passed since the last one, whether or not anything moved (work that stalls). */
  tick(): void {
    if (Date.now() - this.lastPrint >= this.intervalMs) {
      this.lastPrint = Date.now();
      this.print(false);
    }
  }

  finish(): void {
    if (this.quietStart ? this.printed : this.lastPrint !== 0 || this.io.isTTY) this.print(true);
  }

  private print(final: boolean): void {
    this.printed = true;
    const secs = Math.max((Date.now() - this.start) / 1000, 1e-3);
    const rate = this.done / secs;
    let text = `${this.label}: ${this.done.toLocaleString("en-US")}`;
    if (this.total > 0) {
      const frac = Math.min(this.done / this.total, 1);
      const left = rate > 0 ? (this.total - this.done) / rate : 0;
      text += `/${this.total.toLocaleString("en-US")} ${this.unit} (${(frac * 100).toFixed(0)}%)`;
      if (this.io.isTTY) {
        const width = 24;
        const filled = Math.round(frac * width);
        text = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}`;
      }
      if (!final) text += `, ${Math.ceil(left)}s left`;
    } else {
      text += ` ${this.unit}`;
    }
    text += `, ${Math.round(rate).toLocaleString("en-US")} ${this.unit}/s`;
    if (this.io.isTTY) this.io.err(`\r\x1b[K${text}${final ? "\n" : ""}`);
    else this.io.err(`${text}\n`);
  }
}
