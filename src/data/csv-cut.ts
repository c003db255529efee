import { batchRows, MAX_RECORD_BYTES, type Resolved } from "./batch.ts";
import { csvLayout, type Layout, type RawCsvBatch, readHeader } from "./csv.ts";
import { openData } from "./read-source.ts";
import { Source, tooLong } from "./source.ts";

export {
  type CsvScratch,
  type CsvTensor,
  type Layout as CsvLayout,
  parseCsvBatch,
  type RawCsvBatch,
} from "./csv.ts";

// A CSV file cut into batches of records without parsing their fields: the thread that reads the file finds where
// each record ends (a line break outside quotes) and hands out the bytes of exactly `batchRows` records at a time,
// which `parseCsvBatch` turns into the very batch readCsv would have yielded — anywhere, e.g. in the evaluation's
// scoring worker threads, so that parsing runs on every CPU while this thread only reads.
//
// Records end where csv.ts's parser ends them: a field that starts with a quote is quoted (line breaks and
// separators inside it are data; a doubled quote is a quote); a line break (LF, CRLF or CR) outside quotes ends the
// record; a line holding nothing is blank and no record. The usual record holds no quote and no CR, and is found
// with one native search for its LF.

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where one record (or blank line) at `pos` ends. */
interface Scan {
  /** The index after its line break (or the buffer's end at the end of the file); -1 when more bytes are needed. */
  next: number;
  /** A blank line, not a record. */
  blank: boolean;
  /** Line breaks inside its quoted fields. */
  extra: number;
}

/** The record at pos, byte by byte (it holds a quote or a CR). */
function scanSlow(b: Buffer, pos: number, end: number, eof: boolean, sep: number, out: Scan): void {
  out.blank = false;
  out.extra = 0;
  out.next = -1;
  const first = b[pos];
  if (first === LF || first === CR) {
    out.blank = true;
    if (first === CR) {
      if (pos + 1 >= end && !eof) return;
      out.next = pos + 1 < end && b[pos + 1] === LF ? pos + 2 : pos + 1;
    } else out.next = pos + 1;
    return;
  }
  let i = pos;
  let fieldStart = true;
  while (i < end) {
    const c = b[i];
    if (fieldStart && c === QUOTE) {
      // a quoted field: to its closing quote (a doubled quote is data)
      let j = i + 1;
      for (;;) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return;
          // not closed before the end of the file: the parser says so; the record runs to the end
          for (let k = i + 1; k < end; k++) if (b[k] === LF) out.extra++;
          out.next = end;
          return;
        }
        if (q + 1 >= end && !eof) return;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        for (let k = i + 1; k < q; k++) if (b[k] === LF) out.extra++;
        i = q + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === sep) fieldStart = true;
    else if (c === LF) {
      out.next = i + 1;
      return;
    } else if (c === CR) {
      if (i + 1 >= end && !eof) return;
      out.next = i + 1 < end && b[i + 1] === LF ? i + 2 : i + 1;
      return;
    } else fieldStart = false;
    i++;
  }
  if (eof) out.next = end;
}

/** What a read asks for at least (and the first batch's reads, before a record's size is known, at most). */
const MIN_READ = 64 * 1024;
const FIRST_READ = 1024 * 1024;

/**
 * The file's batches as bytes: the layout of the columns read (from its header, as readCsv reads it), then batches
 * of `batchRows(o.batchSize, columns)` records (the last one shorter) in file order. A record longer than
 * MAX_RECORD_BYTES fails as readCsv fails. A batch's bytes are a view from the start of a buffer of their own
 * (which a worker thread can be given, and give back).
 *
 * The file is read straight into the batches' buffers, each read sized by the records cut so far to end near the
 * batch's last record: only the bytes read past it are copied, to start the next batch's buffer.
 */
export async function* cutCsv(
  path: string,
  o: Resolved,
  /** Memory for a batch's bytes (e.g. buffers back from the workers, reused): at least `size` bytes, owned. */
  alloc: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): AsyncGenerator<{ layout: Layout; raw: RawCsvBatch }> {
  // through the readers' opener: hashed as it is read, and a file still arriving from a store is waited for
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    const file = o.displayName;
    const header = await readHeader(src, file, (o.delimiter ?? ",").charCodeAt(0));
    const layout = csvLayout(header.names, header.line, o);
    const sep = layout.sep;
    const bs = batchRows(o.batchSize, layout.names.length);
    let line = header.nextLine;
    let offset = 0;
    // the batch being cut, from the start of its own buffer: its records up to pos (rows of them), then bytes read
    // past them up to fill; the file goes on at `next`
    let next = src.origin + src.end;
    let eof = src.eof;
    const ahead = src.buf.subarray(header.pos, src.end);
    let cur = view(alloc(Math.max(ahead.length + FIRST_READ, 4 * FIRST_READ)));
    cur.set(ahead, 0);
    let fill = ahead.length;
    let pos = 0;
    let rows = 0;
    let firstLine = line;
    const scan: Scan = { next: -1, blank: false, extra: 0 };
    const take = (): RawCsvBatch => {
      const size = pos;
      perRecord = size / rows;
      const rest = fill - size;
      const into = view(alloc(rest + Math.ceil(size * 1.1) + MIN_READ));
      into.set(cur.subarray(size, fill), 0);
      const raw = { bytes: new Uint8Array(cur.buffer, cur.byteOffset, size), rows, offset, firstLine };
      offset += rows;
      cur = into;
      fill = rest;
      pos = 0;
      rows = 0;
      firstLine = line;
      return raw;
    };
    // bytes per record in the last batch cut (0: none yet)
    let perRecord = 0;
    for (;;) {
      // the bytes read so far, no further: a search for a quote or CR that is not there ends here
      const b = cur.subarray(0, fill);
      const end = fill;
      // the next quote and CR at or after pos (end: none in the buffer); records before both need only their LF
      let quote = -1;
      let cr = -1;
      while (rows < bs && pos < end) {
        if (quote < pos) {
          quote = b.indexOf(QUOTE, pos);
          if (quote < 0 || quote >= end) quote = end;
        }
        if (cr < pos) {
          cr = b.indexOf(CR, pos);
          if (cr < 0 || cr >= end) cr = end;
        }
        let lf = b.indexOf(LF, pos);
        if (lf >= end) lf = -1;
        if (lf >= 0 && lf < quote && (lf < cr || cr === lf - 1)) {
          // LF or CRLF, no quote before it
          scan.next = lf + 1;
          scan.blank = lf === pos || cr === pos;
          scan.extra = 0;
        } else if (lf < 0 && quote === end && cr === end) {
          scan.next = eof ? end : -1;
          scan.blank = false;
          scan.extra = 0;
        } else scanSlow(b, pos, end, eof, sep, scan);
        if (scan.next < 0) break;
        if (!scan.blank) rows++;
        line += 1 + scan.extra;
        pos = scan.next;
      }
      if (rows === bs) {
        yield { layout, raw: take() };
        continue;
      }
      if (eof) {
        if (rows > 0) yield { layout, raw: take() };
        return;
      }
      // the record at pos is not complete: read more after it (no further than MAX_RECORD_BYTES from its start),
      // growing the buffer when it is full
      const limit = pos + MAX_RECORD_BYTES - fill;
      if (limit <= 0) throw tooLong(file, line);
      if (fill === cur.length) {
        const bigger = view(alloc(cur.length * 2));
        bigger.set(cur.subarray(0, fill), 0);
        cur = bigger;
      }
      const room = cur.length - fill;
      // the records cut so far tell how many bytes the batch's others take
      const per = rows > 0 ? pos / rows : perRecord;
      const wanted = per > 0 ? Math.ceil((bs - rows) * per * 1.02) - (fill - pos) : FIRST_READ;
      const want = Math.min(room, limit, Math.max(MIN_READ, wanted));
      const { bytesRead } = await fh.read(cur, fill, want, next);
      if (bytesRead === 0) eof = true;
      fill += bytesRead;
      next += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/** A Buffer over the whole of `a` (for its native byte search). */
function view(a: Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.length);
}
