import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/audit/paths.ts
var CONFIG_PATH = "modelgate.yaml";
var LOG_GLOBS = ["**/MODEL_CARD.md"];
var logPaths = (config) => [
  `${config.deploy}/`,
  `${config.records}/`,
  CONFIG_PATH
];
var DEFAULT_LOG_PATHS = logPaths({ deploy: "deploy", records: "records" });

export {
  CONFIG_PATH,
  LOG_GLOBS,
  logPaths,
  DEFAULT_LOG_PATHS
};
