import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/progress.ts
var Progress = class {
  constructor(io, label, total = 0, unit = "rows", intervalMs = io.isTTY ? 100 : 5e3) {
    this.io = io;
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.intervalMs = intervalMs;
  }
  io;
  label;
  total;
  unit;
  intervalMs;
  done = 0;
  start = Date.now();
  lastPrint = 0;
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
  finish() {
    if (this.lastPrint !== 0 || this.io.isTTY) this.print(true);
  }
  print(final) {
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

export {
  Progress
};
