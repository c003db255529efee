import { appendFileSync } from "node:fs";

/** GitHub shows at most 1 MiB of a step's summary. */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024;

/**
 * Appends Markdown to the job summary (the file GITHUB_STEP_SUMMARY names), cut to fit GitHub's 1 MiB limit with a
 * visible note. Returns false, writing nothing, outside Actions (no GITHUB_STEP_SUMMARY).
 */
export function writeJobSummary(text: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return false;
  let out = text.endsWith("\n") ? text : `${text}\n`;
  if (Buffer.byteLength(out) > JOB_SUMMARY_MAX_BYTES) {
    const note = "\n\n…cut to fit the job summary's 1 MiB limit.\n";
    const budget = JOB_SUMMARY_MAX_BYTES - Buffer.byteLength(note);
    let cut = Buffer.from(out).subarray(0, budget).toString("utf8");
    // drop a character split by the byte cut
    if (cut.endsWith("\uFFFD")) cut = cut.slice(0, -1);
    out = cut + note;
  }
  appendFileSync(path, out);
  return true;
}
