import { command } from "../commands/validate.ts";
import { processIo } from "../util/io.ts";
const io = processIo();
command.run(process.argv.slice(2), io).then((c) => { process.exitCode = c; });
