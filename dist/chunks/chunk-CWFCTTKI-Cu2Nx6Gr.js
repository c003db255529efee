import { createRequire } from 'node:module';

const require$1 = createRequire(import.meta.url);

// src/init/gitignore.ts
var MODELGATE_IGNORES = [".modelgate/images/", ".modelgate/tmp/", ".modelgate/training/*.log"];
var HEADER = "# modelgate: its local image store, scratch files and training logs stay out of git (the records under\n# .modelgate/evaluations and .modelgate/training/*.json are committed with the pull request).";
function patterns(text) {
  return new Set(
    text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
  );
}
function gitignoreWithModelgate(existing) {
  const have = existing === void 0 ? /* @__PURE__ */ new Set() : patterns(existing);
  const missing = MODELGATE_IGNORES.filter((p) => !have.has(p));
  if (missing.length === 0) return void 0;
  const block = `${HEADER}
${missing.join("\n")}
`;
  if (existing === void 0 || existing.trim() === "") return block;
  return `${existing.replace(/\s*$/, "")}

${block}`;
}

export { gitignoreWithModelgate as g };
