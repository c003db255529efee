/**
 * The words modelgate decides with, defined once: the services and pure cores use these, and the GitHub adapter
 * (src/github) maps GitHub's shapes into them.
 */

/** A person's permission on the repository, as GitHub's collaborator permission endpoint names it. */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/** The states of a pull request review, as GitHub names them (src/github/api.ts maps its reviews into these). */
export const REVIEW_STATES = ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** One review of a pull request: what the approval policy (src/approve/policy.ts) reads. */
export interface ReviewFact {
  id: number;
  login: string;
  /** "User", "Bot", "Organization", … as GitHub gives it. */
  userType: string;
  state: ReviewState;
  /** The commit the review was made on. */
  commitId: string | null;
  /** null for a pending review, which never counts. */
  submittedAt: string | null;
}
