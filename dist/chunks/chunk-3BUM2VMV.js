import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "0.1.0" : packageVersion(new URL("../package.json", import.meta.url));

export {
  VERSION
};
