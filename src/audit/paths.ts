/**
 * The paths whose history audit reads, in a module of its own (no schema, no YAML) so that `modelgate audit` can
 * start git on them before the rest of audit loads (../git/history.ts startHistoryReads).
 */

/** modelgate.yaml, at the top of the tree. */
export const CONFIG_PATH = "modelgate.yaml";

/**
 * The model cards, wherever a model's folder is (a glob from the top): publish binds each into its record. The name
 * is ../report/card.ts's CARD_FILE (not imported: the card's renderer is not audit's to load).
 */
export const LOG_GLOBS = ["**/MODEL_CARD.md"];

/** The paths whose history audit reads: the deploy and records folders and modelgate.yaml (from the top). */
export const logPaths = (config: { deploy: string; records: string }) => [
  `${config.deploy}/`,
  `${config.records}/`,
  CONFIG_PATH,
];

/** logPaths of the configuration's defaults (spec.paths), which git is asked for before modelgate.yaml is read. */
export const DEFAULT_LOG_PATHS = logPaths({ deploy: "deploy", records: "records" });
