/**
 * What the GitHub Actions runner would run from a step's log: the runner's own parsing (actions/runner,
 * ActionCommandManager.TryProcessCommand and ActionCommand.TryParseV2/TryParse), so a test can assert which workflow
 * commands a log line would have triggered. Lines split on CR, LF or CRLF; `::name props::data` after leading
 * spaces, or `##[name props]data` anywhere in a line; only registered command names count; `stop-commands` pauses
 * every command until `::TOKEN::` (or `##[TOKEN]`) with its token.
 */

export interface RunnerCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

const REGISTERED = [
  "add-mask",
  "add-matcher",
  "add-path",
  "debug",
  "echo",
  "endgroup",
  "error",
  "group",
  "notice",
  "remove-matcher",
  "save-state",
  "set-env",
  "set-output",
  "stop-commands",
  "warning",
];

const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) =>
  s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
const unescapeV1 = (s: string) =>
  s.replace(/%3B/g, ";").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%5D/g, "]").replace(/%25/g, "%");

function parse(line: string, registered: Set<string>): RunnerCommand | undefined {
  const v2 = line.trimStart();
  if (v2.startsWith("::")) {
    const end = v2.indexOf("::", 2);
    if (end >= 0) {
      const info = v2.slice(2, end);
      const space = info.indexOf(" ");
      const name = space < 0 ? info : info.slice(0, space);
      if (registered.has(name.toLowerCase())) {
        const properties: Record<string, string> = {};
        if (space > 0) {
          for (const p of info
            .slice(space + 1)
            .trim()
            .split(",")
            .filter(Boolean)) {
            const eq = p.indexOf("=");
            if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeProperty(p.slice(eq + 1));
          }
        }
        return { name, properties, data: unescapeData(v2.slice(end + 2)), line };
      }
    }
  }
  const start = line.indexOf("##[");
  if (start < 0) return undefined;
  const rb = line.indexOf("]", start);
  if (rb < 0) return undefined;
  const info = line.slice(start + 3, rb);
  const space = info.indexOf(" ");
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .split(";")
      .filter(Boolean)) {
      const eq = p.indexOf("=");
      if (eq > 0 && eq < p.length - 1) properties[p.slice(0, eq)] = unescapeV1(p.slice(eq + 1));
    }
  }
  return { name, properties, data: unescapeV1(line.slice(rb + 1)), line };
}

/** The workflow commands the runner would run, in order, from everything a step printed. */
export function runnerCommands(log: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  const ran: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of log.split(/\r\n|\r|\n/)) {
    const cmd = parse(line, registered);
    if (!cmd) continue;
    const name = cmd.name.toLowerCase();
    if (stopToken !== undefined) {
      if (stopToken !== "" && name === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      }
      continue;
    }
    if (name === "stop-commands") {
      stopToken = cmd.data;
      registered.add(cmd.data.toLowerCase());
      continue;
    }
    ran.push(cmd);
  }
  return ran;
}
