import { createRequire } from 'node:module';

const require$1 = createRequire(import.meta.url);

// src/release/default-environment.ts
function defaultEnvironment(config) {
  const envs = config.spec.environments;
  return (envs.find((e) => e.name === "production") ?? envs.at(-1))?.name ?? "production";
}

export { defaultEnvironment as d };
