/**
 * The words modelgate decides with, defined once: the services and pure cores use these, and the GitHub adapter
 * (src/github) maps GitHub's shapes into them.
 */

/** A person's permission on the repository, as GitHub's collaborator permission endpoint names it. */
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
