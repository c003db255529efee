/** Bundles `entryPoints` into `outdir` with modelgate's one esbuild configuration (see bundle.mjs). */
export function bundle(
  entryPoints: { in: string; out: string }[],
  outdir: string,
  options?: { dependencies?: "bundled" | "external" },
): Promise<unknown>;

/** What dist/ holds: the CLI and one entry per action (see bundle.mjs). */
export function distEntries(): { in: string; out: string }[];
