export { findOperation, validateRequest, validateResponse } from "./openapi.ts";
export { type Fault, GitHubSim, type Permission, type ReviewState, type SimReview } from "./sim.ts";
export { applyReviewEvent, seedPullRequest, webhookExample } from "./webhooks.ts";

import type { GitHubContext } from "../../../src/github/context.ts";
import type { GitHubSim } from "./sim.ts";

/** A context pointing at the simulator, with quick retries and unpaced writes so tests stay brisk. */
export function simContext(sim: GitHubSim, repo: string, pr?: number): GitHubContext {
  const [owner, name] = repo.split("/");
  return {
    owner,
    repo: name,
    pr,
    apiUrl: sim.url,
    serverUrl: "https://github.com",
    token: sim.token,
    inActions: false,
    http: { retryBaseMs: 1, paceWrites: false },
  };
}
