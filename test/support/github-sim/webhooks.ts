/**
 * Real webhook payloads from @octokit/webhooks-examples, and helpers that seed the simulator from them, so tests
 * start from what GitHub actually sends (and what GITHUB_EVENT_PATH holds in a workflow run).
 */
import { createRequire } from "node:module";
import type { GitHubSim, ReviewState, SimReview } from "./sim.ts";

const require = createRequire(import.meta.url);
type Json = any;

let all: { name: string; examples: Json[] }[] | undefined;

/** A deep copy of the first example of `event` with `action` (webhooks-examples/api.github.com). */
export function webhookExample(event: string, action?: string): Json {
  all ??= require("@octokit/webhooks-examples/api.github.com/index.json") as { name: string; examples: Json[] }[];
  const group = all.find((e) => e.name === event);
  const ex = group?.examples.find((e) => action === undefined || e.action === action);
  if (!ex) throw new Error(`no webhook example ${event}.${action}`);
  return structuredClone(ex);
}

/** Seeds the repository and pull request of a `pull_request` or `pull_request_review` event. */
export function seedPullRequest(sim: GitHubSim, event: Json, files: string[] = []): { repo: string; number: number } {
  const repo = event.repository.full_name as string;
  sim.addUser(event.repository.owner.login, "User", event.repository.owner.id);
  sim.addRepo(repo, event.repository);
  const pr = event.pull_request;
  sim.addUser(pr.user.login, pr.user.type, pr.user.id);
  sim.openPull(repo, { number: pr.number, author: pr.user.login, headSha: pr.head.sha, files, template: pr });
  return { repo, number: pr.number };
}

/**
 * Submits the review of a `pull_request_review` event to the simulator, optionally as someone else or with another
 * state (the examples are all COMMENTED by the PR's own author).
 */
export function applyReviewEvent(
  sim: GitHubSim,
  event: Json,
  change: { login?: string; state?: ReviewState; commitId?: string } = {},
): SimReview {
  const r = event.review;
  if (change.login) {
    r.user.login = change.login;
    r.user.id = 90_000 + change.login.length;
  }
  if (change.state) r.state = change.state.toLowerCase();
  if (change.commitId) r.commit_id = change.commitId;
  sim.addUser(r.user.login, r.user.type);
  return sim.submitReview(event.repository.full_name, event.pull_request.number, {
    login: r.user.login,
    state: (r.state as string).toUpperCase() as ReviewState,
    commitId: r.commit_id,
    body: r.body ?? "",
  });
}
