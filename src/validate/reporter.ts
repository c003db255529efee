/** Where a finding points: a manifest's file, line and column (`at(manifest, path)`). */
export type Pos = { file: string; line: number; col: number };

/** How a check reports a finding: an error (validate fails) or a warning, at a manifest line, for a data column. */
export type Report = (pos: Pos, check: string, message: string, column?: string) => void;

/** Both ways of reporting, as every check takes them. */
export interface Reporter {
  error: Report;
  warn: Report;
}
