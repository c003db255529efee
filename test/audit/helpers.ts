import { command as audit } from "../../src/commands/audit.ts";
import type { AuditReport, Finding } from "../../src/audit/schema.ts";
import { CheckFailed, UserError } from "../../src/errors.ts";
import { bufferIo } from "../../src/util/io.ts";

/** Runs `modelgate audit ARGS` in `cwd` as the CLI does: exit code, stdout, stderr. */
export async function runAuditCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = bufferIo(cwd, { PATH: process.env.PATH, HOME: cwd, ...env });
  let code: number;
  try {
    code = await audit.run(args, io);
  } catch (err) {
    if (!(err instanceof UserError || err instanceof CheckFailed)) throw err;
    io.err(`modelgate audit: ${err.message}\n`);
    code = err.exitCode;
  }
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** `audit verify --json`: the exit code and the findings. */
export async function verifyJson(cwd: string, args: string[] = []) {
  const r = await runAuditCli(cwd, ["verify", "--json", ...args]);
  const report = JSON.parse(r.stdout) as AuditReport;
  if (process.env.AUDIT_DEBUG) console.error(show(report.verification?.findings ?? []));
  return { ...r, report, findings: report.verification?.findings ?? [] };
}

/** The findings of one check, as "check: message" lines for assertion messages. */
export function show(findings: Finding[]): string {
  return findings.map((f) => `${f.check}: ${f.message}`).join("\n");
}
