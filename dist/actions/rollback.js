import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  proposeRollback
} from "../chunks/chunk-S3GAPWLW.js";
import {
  formatReleaseResult,
  releaseMarkdown
} from "../chunks/chunk-OQ45MV4K.js";
import "../chunks/chunk-XTTDOJEG.js";
import "../chunks/chunk-IUP2DSUK.js";
import "../chunks/chunk-SUJYJUOK.js";
import "../chunks/chunk-YPELLATJ.js";
import "../chunks/chunk-I7OPH6LF.js";
import "../chunks/chunk-PBKVHRC3.js";
import "../chunks/chunk-MNVFN7U6.js";
import "../chunks/chunk-DZUNL7B6.js";
import "../chunks/chunk-A7JWPJBF.js";
import "../chunks/chunk-CET7KO5S.js";
import "../chunks/chunk-N3AID6DX.js";
import "../chunks/chunk-AUVY43KH.js";
import "../chunks/chunk-YOBALZSW.js";
import "../chunks/chunk-UJBNVSBJ.js";
import "../chunks/chunk-DL6T25Z3.js";
import "../chunks/chunk-QY6YSSUQ.js";
import "../chunks/chunk-3XFCJ3SQ.js";
import "../chunks/chunk-62RWLHT6.js";
import "../chunks/chunk-NKXRGQC5.js";
import {
  writeJobSummary
} from "../chunks/chunk-BJUODENM.js";
import "../chunks/chunk-6LQ44VET.js";
import "../chunks/chunk-NP3OSGPT.js";
import "../chunks/chunk-ES2OW2N4.js";
import "../chunks/chunk-XKBXOX3L.js";
import "../chunks/chunk-TYVK2T2V.js";
import "../chunks/chunk-U73FS3GH.js";
import "../chunks/chunk-FKCR242C.js";
import "../chunks/chunk-3BUM2VMV.js";
import "../chunks/chunk-ULLVEJ36.js";
import "../chunks/chunk-FESBZRCF.js";
import "../chunks/chunk-UBMSCOQN.js";
import "../chunks/chunk-OYQDDGAU.js";
import "../chunks/chunk-2ZLDIS45.js";
import "../chunks/chunk-U6HQLEKJ.js";
import "../chunks/chunk-YK35P24K.js";
import "../chunks/chunk-4JQXYHBV.js";
import "../chunks/chunk-OZK2C7TC.js";
import "../chunks/chunk-EW3JDDCC.js";
import "../chunks/chunk-FEFSD2JC.js";
import "../chunks/chunk-EJRXWDVW.js";
import "../chunks/chunk-RQB7ZENY.js";
import {
  openWorkspace
} from "../chunks/chunk-TNV3NBNK.js";
import "../chunks/chunk-DQHGHTZX.js";
import "../chunks/chunk-2E6TZQRV.js";
import "../chunks/chunk-LYRQXBMV.js";
import "../chunks/chunk-YR32LSL5.js";
import "../chunks/chunk-KMZ2SU7I.js";
import "../chunks/chunk-XPVOVGWT.js";
import "../chunks/chunk-UPGHJSZ6.js";
import "../chunks/chunk-S43IQFRZ.js";
import "../chunks/chunk-YZUBQ7DK.js";
import "../chunks/chunk-DFUR2YEO.js";
import "../chunks/chunk-AVCTVMN2.js";
import "../chunks/chunk-NI36P5E6.js";
import "../chunks/chunk-A6WGSW5D.js";
import {
  actionIo,
  boolInput,
  runAction,
  withGitPushToken
} from "../chunks/chunk-GQCH3TPH.js";
import {
  getInput,
  group,
  setOutput,
  setSecret
} from "../chunks/chunk-U2N6PYQM.js";
import "../chunks/chunk-4AOTTLI5.js";
import {
  UserError
} from "../chunks/chunk-VPZGVLTG.js";
import "../chunks/chunk-CCN2QAD7.js";

// src/actions/rollback.ts
import { resolve } from "node:path";
await runAction("rollback", async () => {
  const io = actionIo();
  const token = getInput("token");
  if (token) setSecret(token);
  const signingKey = getInput("signing-key");
  if (signingKey) {
    for (const line of signingKey.split("\n")) if (line.trim()) setSecret(line.trim());
    io.env = { ...io.env, MODELGATE_SIGNING_KEY: signingKey };
  }
  const cwd = resolve(io.cwd, getInput("working-directory") || ".");
  const model = getInput("model");
  if (!model) throw new UserError("the model input is required");
  io.env = await withGitPushToken(cwd, token, io.env);
  const r = await group(
    `modelgate monitor rollback ${model}`,
    () => proposeRollback(openWorkspace(io, { cwd, env: io.env }), {
      model,
      environment: getInput("environment") || void 0,
      record: getInput("record") || void 0,
      token: token || void 0,
      dryRun: boolInput("dry-run", false),
      log: (line) => io.err(`${line}
`)
    })
  );
  if (r.skipped) {
    io.out(`rollback of ${model}: not proposed: ${r.skipped}
`);
    setOutput("outcome", "skipped");
    return 0;
  }
  const release = r.release;
  if (release) {
    io.out(formatReleaseResult(release));
    writeJobSummary(releaseMarkdown(release), io.env);
  }
  setOutput("outcome", release?.outcome ?? "planned");
  setOutput("version", r.version ?? "");
  setOutput("monitoring-record", r.monitoringRecord ?? "");
  setOutput("branch", release?.branch ?? "");
  setOutput("pull-request", release?.pullRequest ? String(release.pullRequest.number) : "");
  setOutput("record-digest", release?.recordDigest ?? "");
  return 0;
});
