/** The machine preparation `npm test` runs first (see setup.mjs). */
export const DEBIAN_PACKAGES: string[];
export function missingPackages(packages: string[]): string[] | undefined;
export function plan(
  missing: string[],
  isRoot: boolean,
): { action: "none" } | { action: "install"; commands: string[][] } | { action: "instruct"; message: string };
export function setup(env?: NodeJS.ProcessEnv, err?: (line: string) => void): number;
