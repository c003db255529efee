/** Where `train` writes its record and log, relative to the repository root (no schema, no zod: audit reads it). */
export const TRAINING_DIR = ".modelgate/training";
export const trainingRecordPath = (model: string) => `${TRAINING_DIR}/${model}.json`;
