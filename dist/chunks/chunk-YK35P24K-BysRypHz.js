import { createRequire } from 'node:module';

const require$1 = createRequire(import.meta.url);

// src/util/progress.ts
var Progress = class {
  /**
   * With `quietStart`, nothing is printed before the first interval has passed (work that ends sooner says nothing),
   * and `tick()` prints on time alone: a line every interval while the work runs, even when no unit moved.
   */
  constructor(io, label, total = 0, unit = "rows", intervalMs = io.isTTY ? 100 : 5e3, quietStart = false) {
    this.io = io;
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.intervalMs = intervalMs;
    this.quietStart = quietStart;
    if (quietStart) this.lastPrint = this.start;
  }
  io;
  label;
  total;
  unit;
  intervalMs;
  quietStart;
  done = 0;
  start = Date.now();
  lastPrint = 0;
  printed = false;
  setTotal(total) {
    this.total = total;
  }
  add(n) {
    this.done += n;
    const now = Date.now();
    if (now - this.lastPrint >= this.intervalMs) {
      this.lastPrint = now;
      this.print(false);
    }
  }
  /** A line when the interval has passed since the last one, whether or not anything moved (work that stalls). */
  tick() {
    if (Date.now() - this.lastPrint >= this.intervalMs) {
      this.lastPrint = Date.now();
      this.print(false);
    }
  }
  finish() {
    if (this.quietStart ? this.printed : this.lastPrint !== 0 || this.io.isTTY) this.print(true);
  }
  print(final) {
    this.printed = true;
    const secs = Math.max((Date.now() - this.start) / 1e3, 1e-3);
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
    if (this.io.isTTY) this.io.err(`\r\x1B[K${text}${final ? "\n" : ""}`);
    else this.io.err(`${text}
`);
  }
};

export { Progress as P };
