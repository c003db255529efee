import type { Config } from "../manifest/schema.ts";

/**
 * The environment release promotes to when none is named: production, else the last one configured. Apart from
 * ./steps.ts (release's steps and what they load) for monitor, which needs only this.
 */
export function defaultEnvironment(config: Config): string {
  const envs = config.spec.environments;
  return (envs.find((e) => e.name === "production") ?? envs.at(-1))?.name ?? "production";
}
