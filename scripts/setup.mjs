// What `npm test` makes sure of before any test runs, so that the README's test command works on a fresh machine:
// the npm dependencies (npm ci when node_modules is absent), the Debian packages the tests use (installed with apt-get
// when run as root; otherwise one line saying the command to run), and kubectl. Nothing is started here: each test
// starts what it needs (the registry on a free loopback port, see test/support/registry.ts). When everything is
// present this costs one dpkg-query.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Debian packages the tests use: a real OCI registry (docker-registry), independent image verifiers (skopeo, umoci),
 * the scikit-learn reference for metrics (python3-sklearn, python3-pandas), busybox for the test base image, htpasswd
 * (apache2-utils) and openssl for registry authentication tests, tar and git, and git-lfs (pointer files fetched
 * from a local LFS remote).
 */
export const DEBIAN_PACKAGES = [
  "docker-registry",
  "skopeo",
  "umoci",
  "python3-sklearn",
  "python3-pandas",
  "busybox-static",
  "apache2-utils",
  "openssl",
  "tar",
  "git",
  "git-lfs",
];

/** The packages of `packages` that dpkg does not list as installed, or undefined without dpkg (not Debian). */
export function missingPackages(packages) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format fields
  const format = "-f=${Package} ${db:Status-Status}\\n";
  const r = spawnSync("dpkg-query", ["-W", format, ...packages], { encoding: "utf8" });
  if (r.error) return undefined;
  const installed = new Set(
    r.stdout
      .split("\n")
      .filter((l) => l.endsWith(" installed"))
      .map((l) => l.split(" ")[0]),
  );
  return packages.filter((p) => !installed.has(p));
}

/** What to do about missing packages: nothing; as root, the apt-get commands that install them; else the one line to tell. */
export function plan(missing, isRoot) {
  if (missing.length === 0) return { action: "none" };
  const install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...missing];
  if (isRoot) return { action: "install", commands: [["apt-get", "update", "-qq"], install] };
  return {
    action: "instruct",
    message: `npm test: the tests need Debian packages that are not installed (${missing.join(", ")}); install them with: sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`,
  };
}

function onPath(command, env) {
  return (env.PATH ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Prepares this machine for the tests; returns 0 to go on, else the exit code to stop with (2: the user must act).
 * MODELGATE_TEST_DEBIAN_PACKAGES (space-separated) replaces the package list: for the test of this script only.
 */
export function setup(env = process.env, err = (line) => process.stderr.write(`${line}\n`)) {
  if (!existsSync("node_modules")) {
    err("npm test: no node_modules; running npm ci");
    const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit", env });
    if (r.status !== 0) return r.status ?? 1;
  }
  const packages = env.MODELGATE_TEST_DEBIAN_PACKAGES?.split(/\s+/).filter(Boolean) ?? DEBIAN_PACKAGES;
  const missing = missingPackages(packages);
  if (missing === undefined) {
    err(`npm test: no dpkg-query here, so the Debian packages are not checked; the tests use ${packages.join(", ")}`);
  } else {
    const p = plan(missing, process.getuid?.() === 0);
    if (p.action === "instruct") {
      err(p.message);
      return 2;
    }
    if (p.action === "install") {
      err(`npm test: installing the Debian packages the tests use: ${missing.join(" ")}`);
      for (const [cmd, ...args] of p.commands) {
        const r = spawnSync(cmd, args, {
          stdio: ["ignore", "ignore", "inherit"],
          env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
        });
        if (r.status !== 0) {
          err(
            `npm test: \`${[cmd, ...args].join(" ")}\` failed (exit ${r.status ?? r.error?.message}); install ${missing.join(" ")} and run npm test again`,
          );
          return 2;
        }
      }
      const still = missingPackages(packages) ?? [];
      if (still.length > 0) {
        err(`npm test: still not installed after apt-get: ${still.join(" ")}`);
        return 2;
      }
    }
  }
  if (!onPath("kubectl", env)) {
    err(
      "npm test: the tests render overlays with `kubectl kustomize`; install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/) and run npm test again",
    );
    return 2;
  }
  return 0;
}
