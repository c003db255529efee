import { resolve } from "node:path";
import * as core from "@actions/core";
import { storeBundles } from "../attest/store.ts";
import { openWorkspace } from "../workspace/workspace.ts";
import { actionIo, boolInput, listInput, runAction, withGitPushToken } from "./_runtime.ts";

// Files the bundles that actions/attest signed (its bundle-path outputs) beside the promotion records they attest,
// and on the records' images as OCI referrers: `modelgate attest store` (src/attest/store.ts).
await runAction("attestations", async () => {
  const io = actionIo();
  const token = core.getInput("token");
  if (token) core.setSecret(token);
  const password = core.getInput("registry-password");
  if (password) core.setSecret(password);
  io.env = {
    ...io.env,
    ...(password
      ? {
          MODELGATE_REGISTRY_USERNAME: core.getInput("registry-username") || io.env.GITHUB_ACTOR || "modelgate",
          MODELGATE_REGISTRY_PASSWORD: password,
        }
      : {}),
  };
  io.env = await withGitPushToken(io.cwd, core.getInput("push-token") || token, io.env);
  const wd = core.getInput("working-directory");
  if (wd) io.cwd = resolve(io.cwd, wd);
  const r = await core.group("modelgate attest store", () =>
    storeBundles(openWorkspace(io), { bundles: listInput("bundles"), dryRun: boolInput("dry-run", false) }),
  );
  for (const s of r.stored) {
    io.out(`${r.dryRun ? "would file" : "filed"} ${s.predicateType} of ${s.model} ${s.record.version} as ${s.path}\n`);
  }
  core.setOutput("stored", JSON.stringify(r.stored));
  core.setOutput("commit", r.commit ?? "");
  return 0;
});
