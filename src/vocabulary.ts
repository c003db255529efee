/**
 * The words modelgate decides with, defined once: the services and pure cores use these, and the GitHub adapter
 * (src/github) maps GitHub's shapes into them.
 */

/** A person's permission on the repository, as GitHub's collaborator permission endpoint names it. */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

/**
 * A tag as a remote holds it (`git ls-remote --tags`): the remote, not a local clone, is the registry of versions
 * and stage assignments.
 */
export interface RemoteTag {
  name: string;
  /** The object the ref names: an annotated tag's own object, a lightweight tag's commit. */
  oid: string;
  annotated: boolean;
  /** The commit it peels to. */
  commit: string;
}

/** GitHub's verification of a signed tag's signature (a reason such as "valid" or "unsigned"). */
export interface TagVerification {
  verified: boolean;
  reason: string;
}

/**
 * A reviewer's decision on a workflow run's deployment to GitHub environments (the run's reviews log), or one given
 * in a release facts file.
 */
export interface EnvironmentReview {
  user: string;
  state: "approved" | "rejected" | "pending";
  comment: string;
  /** The names of the environments the review was for. */
  environments: string[];
  /** When it was given, if known (GitHub's API gives no time: modelgate records when it read the review). */
  at?: string;
}

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
