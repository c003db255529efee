import { UserError } from "../errors.ts";
import { isDigest } from "./types.ts";

/** A registry reference: `registry/repository[:tag][@digest]`, as docker and skopeo spell them. */
export interface Reference {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const REPO_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** A host name, an IPv4 address or a bracketed IPv6 address, and an optional port (digits; range checked apart). */
const HOST_RE =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function parseReference(ref: string, flag = "reference"): Reference {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) throw new UserError(`${flag} "${ref}": "${digest}" is not a sha256 digest`);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) throw new UserError(`${flag} "${ref}": "${tag}" is not a valid tag`);
  }
  const first = rest.split("/")[0];
  let registry: string;
  let repository: string;
  if (rest.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    repository = rest.slice(first.length + 1);
  } else {
    registry = "docker.io";
    repository = rest.includes("/") ? rest : `library/${rest}`;
  }
  const host = HOST_RE.exec(registry);
  const port = host?.[1] === undefined ? undefined : Number(host[1]);
  if (!host || (port !== undefined && (port < 1 || port > 65535))) {
    throw new UserError(
      `${flag} "${ref}": "${registry}" is not a registry host${port !== undefined && host ? ` (port ${host[1]} is not from 1 to 65535)` : ""}; write HOST[:PORT]/REPOSITORY, e.g. ghcr.io/acme/models or localhost:5000/models`,
    );
  }
  if (!REPO_RE.test(repository)) {
    throw new UserError(
      `${flag} "${ref}": "${repository}" is not a valid repository name (lowercase letters, digits, . _ - and /)`,
    );
  }
  return { registry, repository, tag, digest };
}

export function formatReference(r: Reference): string {
  return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ""}${r.digest ? `@${r.digest}` : ""}`;
}

/** The host that serves a registry's API (Docker Hub's name differs from its API host). */
export function apiHost(registry: string): string {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}

/** True for 127.0.0.0/8, ::1 and localhost: the only registries spoken to over plain HTTP. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith("[") ? registry.slice(1, registry.indexOf("]")) : registry.split(":")[0];
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}
