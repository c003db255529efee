import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/util/ort-telemetry.ts
function disableOrtTelemetry(env = process.env) {
  if (!env.ORT_DISABLE_TELEMETRY) env.ORT_DISABLE_TELEMETRY = "1";
}

export {
  disableOrtTelemetry
};
