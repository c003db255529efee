import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Credentials } from "./registry.ts";

/**
 * Credentials for a registry, in this order: MODELGATE_REGISTRY_USERNAME/PASSWORD; for ghcr.io, GITHUB_TOKEN (as
 * GITHUB_ACTOR); then the `auths` of a containers auth file or Docker config (REGISTRY_AUTH_FILE, DOCKER_CONFIG,
 * ~/.docker/config.json), as `docker login` and `skopeo login` write them. None: anonymous.
 */
export function registryCredentials(registry: string, env: NodeJS.ProcessEnv): Credentials | undefined {
  if (env.MODELGATE_REGISTRY_PASSWORD) {
    return { username: env.MODELGATE_REGISTRY_USERNAME || "modelgate", password: env.MODELGATE_REGISTRY_PASSWORD };
  }
  if (registry === "ghcr.io" && env.GITHUB_TOKEN) {
    return { username: env.GITHUB_ACTOR || "x-access-token", password: env.GITHUB_TOKEN };
  }
  const files = [
    env.REGISTRY_AUTH_FILE,
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, "containers", "auth.json") : undefined,
    join(env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker"), "config.json"),
  ].filter((f): f is string => Boolean(f));
  for (const file of files) {
    let auths: Record<string, { auth?: string; username?: string; password?: string }> | undefined;
    try {
      auths = JSON.parse(readFileSync(file, "utf8")).auths;
    } catch {
      continue;
    }
    const keys =
      registry === "docker.io"
        ? ["docker.io", "https://index.docker.io/v1/", "index.docker.io"]
        : [registry, `https://${registry}`];
    for (const k of keys) {
      const a = auths?.[k];
      if (!a) continue;
      if (a.username && a.password) return { username: a.username, password: a.password };
      if (a.auth) {
        const text = Buffer.from(a.auth, "base64").toString("utf8");
        const i = text.indexOf(":");
        if (i > 0) return { username: text.slice(0, i), password: text.slice(i + 1) };
      }
    }
  }
  return undefined;
}
