import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  DataError,
  MAX_RECORD_BYTES
} from "./chunk-6UXFBPQ7.js";

// src/data/source.ts
var CHUNK = 4 * 1024 * 1024;
var PAST_LIMIT = 4 * 1024;
var Source = class {
  constructor(fh, start = 0) {
    this.fh = fh;
    this.origin = start;
    this.next = start;
  }
  fh;
  buf = Buffer.allocUnsafe(CHUNK);
  end = 0;
  eof = false;
  /** The file offset of buf[0]. */
  origin;
  /**
   * A part's end (a shard's, storage/blocks.ts reads a remote file block by block): reads stop there, and past it
   * go on in growing steps (from PAST_LIMIT bytes), as far as the record that crosses it needs; the rest of the file
   * is not read.
   */
  limit = Number.POSITIVE_INFINITY;
  past = PAST_LIMIT;
  next;
  /**
   * Moves buf[from, end) to the start, reads more after it (doubling the buffer when `from` is 0 and it is full)
   * and returns false when the record starting at `from` would pass MAX_RECORD_BYTES.
   */
  async refill(from) {
    if (from > 0) {
      this.buf.copy(this.buf, 0, from, this.end);
      this.end -= from;
      this.origin += from;
    } else if (this.end === this.buf.length) {
      if (this.buf.length >= MAX_RECORD_BYTES) return false;
      const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, MAX_RECORD_BYTES));
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    let got = 0;
    while (this.end < this.buf.length && !this.eof) {
      if (got > 0 && this.next >= this.limit) break;
      const room = this.buf.length - this.end;
      const beyond = this.next >= this.limit;
      const want = Math.min(room, beyond ? this.past : this.limit - this.next);
      if (beyond) this.past *= 2;
      const { bytesRead } = await this.fh.read(this.buf, this.end, want, this.next);
      got += bytesRead;
      if (bytesRead === 0) this.eof = true;
      this.end += bytesRead;
      this.next += bytesRead;
      if (this.end >= CHUNK) break;
    }
    return true;
  }
};
function tooLong(file, line) {
  return new DataError(
    file,
    { line },
    `a record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB starts here, the most modelgate reads as one record; a quote (") left open makes the rest of the file one field, and a file without line breaks is one record \u2014 fix the quoting or the line breaks`
  );
}

export {
  Source,
  tooLong
};
