/** The one place modelgate talks to GitHub. */
export * from "./api.ts";
export { client, type GitHubClient } from "./client.ts";
export { type ClientTuning, type ContextFlags, type GitHubContext, resolveContext } from "./context.ts";
export { JOB_SUMMARY_MAX_BYTES, writeJobSummary } from "./summary.ts";
