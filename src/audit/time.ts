import { UserError } from "../errors.ts";

/** Parses --at: an RFC 3339 time (with Z or an offset), a date (midnight UTC), or "now". */
export function parseTime(text: string): number {
  if (text === "now") return Date.now();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const full = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const t = Date.parse(date ? `${text}T00:00:00Z` : text);
  if ((!date && !full) || !Number.isFinite(t)) {
    throw new UserError(
      `--at ${text}: not a time; give RFC 3339 with a zone (2026-03-02T15:30:00Z, 2026-03-02T16:30:00+01:00), a date (2026-03-02, midnight UTC), or now`,
    );
  }
  return t;
}
