// Points every `uses:` of modelgate's own actions and reusable workflows in the shipped workflows (workflows/ and
// .github/workflows/, comments included) at the home package.json names (`repository`, at v<major>): run it after
// changing `repository`. `--check` changes nothing and exits 1 when a file names another home. `init` writes these
// files into model repositories with the home it is given (`--uses`), or this one.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ownUses, packageHome, rehomeWorkflow } from "../src/init/home.ts";

const root = process.cwd();
const home = packageHome(root);
/** modelgate's own: an action of this checkout's actions/, or a workflow of its .github/workflows/. */
const isOwn = (_repo: string, path: string) =>
  existsSync(path.startsWith("actions/") ? join(root, path, "action.yml") : join(root, path));
const files = ["workflows", ".github/workflows"].flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);
const check = process.argv.includes("--check");
let stale = 0;
for (const f of files) {
  const text = readFileSync(join(root, f), "utf8");
  const next = rehomeWorkflow(text, home, isOwn);
  if (next === text) continue;
  stale++;
  if (check) {
    const other = ownUses(text, isOwn).find((u) => u.home.repo !== home.repo || u.home.ref !== home.ref);
    console.error(`${f}: uses ${other?.uses}, not ${home.repo}@${home.ref}; run npm run home`);
  } else {
    writeFileSync(join(root, f), next);
    console.log(`${f}: now uses ${home.repo}@${home.ref}`);
  }
}
if (check && stale) process.exit(1);
if (!check && !stale) console.log(`every shipped workflow uses ${home.repo}@${home.ref}`);
