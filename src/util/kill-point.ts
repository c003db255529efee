/**
 * A test hook, and nothing else: when MODELGATE_TEST_KILL_AT names `step`, the process kills itself there with
 * SIGKILL (no cleanup, no finally blocks: what a crash, an OOM kill or a cancelled CI job leaves behind). Tests of
 * publish use it to check what each step leaves and what a rerun does (the README's Operations section lists the
 * steps). Unset, or naming another step, it does nothing.
 */
export function killPoint(step: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.MODELGATE_TEST_KILL_AT === step) process.kill(process.pid, "SIGKILL");
}
