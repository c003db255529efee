import { z } from "zod";
import {
  collaboratorPermission,
  environmentReviews,
  type GitHubContext,
  tagVerification,
  teamMembers,
} from "../github/index.ts";
import { readFactsFile } from "../util/facts.ts";
import type { EnvironmentReview, Permission, RemoteTag, TagVerification } from "../vocabulary.ts";

/**
 * What `release` reads from GitHub, as a file: the actor, their permission, the members of the releaser teams, the
 * run's environment reviews and GitHub's verification of signed tags. `modelgate release --facts FILE` decides from
 * it without GitHub (other CIs, rehearsals, the offline demo), as `approve --facts` does.
 */
export const releaseFactsSchema = z.strictObject({
  actor: z.string().min(1).optional().describe("Who pushed the tag or dispatched the run (--actor wins)."),
  runId: z.number().int().positive().optional().describe("The workflow run whose environment reviews these are."),
  permissions: z
    .record(z.string(), z.enum(["admin", "maintain", "write", "triage", "read", "none"]))
    .default({})
    .describe("Repository permission per login; a login not listed has none."),
  teams: z.record(z.string(), z.array(z.string())).default({}).describe('Members per "org/team".'),
  approvals: z
    .array(
      z.strictObject({
        user: z.string().min(1),
        state: z.enum(["approved", "rejected", "pending"]),
        comment: z.string().default(""),
        environments: z.array(z.string()),
        at: z.string().optional(),
      }),
    )
    .default([])
    .describe("The run's environment reviews, as GET actions/runs/{run_id}/approvals lists them."),
  tags: z
    .record(z.string(), z.strictObject({ verified: z.boolean(), reason: z.string() }))
    .default({})
    .describe("GitHub's verification of a signed tag's signature, per tag name."),
});
export type ReleaseFacts = z.infer<typeof releaseFactsSchema>;

export function readReleaseFacts(file: string): ReleaseFacts {
  return readFactsFile(file, releaseFactsSchema);
}

/** Where release's GitHub facts come from: the API, or a facts file. Asked one fact at a time, only when needed. */
export interface FactSource {
  permission(login: string): Promise<Permission>;
  teamMembers(team: string): Promise<string[]>;
  reviews(runId: number): Promise<EnvironmentReview[]>;
  verification(tag: RemoteTag): Promise<TagVerification | undefined>;
}

/** The facts GitHub's API gives. */
export function apiFacts(ctx: GitHubContext): FactSource {
  return {
    permission: (login) => collaboratorPermission(ctx, login),
    teamMembers: (team) => teamMembers(ctx, team),
    reviews: (runId) => environmentReviews(ctx, runId),
    verification: (tag) => tagVerification(ctx, tag.oid),
  };
}

/** The facts a facts file holds; a login, team or tag it does not list has no permission, members or verification. */
export function fileFacts(f: ReleaseFacts): FactSource {
  return {
    permission: async (login) =>
      Object.entries(f.permissions).find(([k]) => k.toLowerCase() === login.toLowerCase())?.[1] ?? "none",
    teamMembers: async (team) =>
      Object.entries(f.teams).find(([k]) => k.toLowerCase() === team.toLowerCase())?.[1] ?? [],
    reviews: async () => f.approvals,
    verification: async (tag) =>
      f.tags[tag.name] ?? { verified: false, reason: "no verification given in the facts file" },
  };
}
