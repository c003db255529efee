import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/data/hash.ts
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
async function sha256File(path, onBytes) {
  const hash = createHash("sha256");
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      onBytes?.(bytesRead);
    }
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}
function sha256Bytes(data) {
  return createHash("sha256").update(data).digest("hex");
}

export {
  sha256File,
  sha256Bytes
};
