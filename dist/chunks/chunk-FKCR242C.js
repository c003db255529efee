import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/records/training-path.ts
var TRAINING_DIR = ".modelgate/training";
var trainingRecordPath = (model) => `${TRAINING_DIR}/${model}.json`;

export {
  TRAINING_DIR,
  trainingRecordPath
};
