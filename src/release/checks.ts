import type { StorageScheme } from "../deploy/kserve.ts";
import { readOverlayPin } from "../deploy/render.ts";
import { chainProblems, currentIn, type LedgerEntry, parseLedger } from "../ledger/ledger.ts";
import { deregistrationOf, versionTag } from "../ledger/tags.ts";
import type { RemoteTag } from "../vocabulary.ts";
import { compareVersions } from "./semver.ts";

/**
 * The checks `release` makes on the registry (tags) and the ledger (records) before it promotes anything. Pure:
 * values in (what the GitOps remote holds, read by ./remote.ts), a located version or a refusal out. The same
 * functions run before anything is written and again on each attempt of the write, on the branch tip it lands on.
 */

/** What the GitOps remote holds that release reads, at one moment. */
export interface RegistryView {
  tags: Map<string, RemoteTag>;
  /** The model's ledger at the GitOps branch tip ("" when there is none). */
  ledgerText: string;
  /** The environment's overlay at the tip (undefined when absent). */
  overlayText: string | undefined;
  /** True when the version tag's commit is the tip or one of its ancestors. */
  onBranch: boolean;
  /** The model's ledger at the version tag's commit. */
  versionLedgerText: string | undefined;
  /** The publish environment's overlay at the version tag's commit (what publish pinned there). */
  versionOverlayText: string | undefined;
}

/** Which version goes where, and the paths of its files. */
export interface ReleaseTarget {
  model: string;
  version: string;
  environment: string;
  /** The environment publish pins (the first one in modelgate.yaml). */
  publishEnvironment: string;
  /** The GitOps remote and branch, for messages. */
  remote: string;
  branch: string;
  ledgerPath: string;
  overlayPath: string;
  publishOverlayPath: string;
}

/** A check that failed: which one, and a message naming the model, the tag, what was expected and what to do. */
export interface Refusal {
  check:
    | "tag-missing"
    | "deregistered"
    | "lightweight"
    | "ledger-broken"
    | "moved"
    | "not-on-branch"
    | "not-published"
    | "wrong-commit"
    | "record-not-at-commit"
    | "image-mismatch"
    | "overlay-edited"
    | "run-reused"
    | "releaser"
    | "approval"
    | "runs-there";
  message: string;
}

/** The version found: its tag, the publish record whose image it promotes, the ledger at the tip. */
export interface Located {
  tag: RemoteTag;
  publish: LedgerEntry;
  entries: LedgerEntry[];
  /** The record that holds the environment now, if any. */
  current: LedgerEntry | undefined;
  /** The image publish pinned, with the storage-URI scheme its overlay gave it (oci:// modelcar, oci+native:// volume). */
  image: { reference: string; repository: string; digest: string; scheme: StorageScheme };
}

const short = (sha: string) => sha.slice(0, 7);

/** Reads the ledger and refuses a broken one: release never appends to a chain it cannot vouch for. */
export function readLedger(
  text: string,
  where: string,
  model: string,
): { entries: LedgerEntry[] } | { refusal: Refusal } {
  const { entries, problems } = parseLedger(text);
  const all = [...problems, ...chainProblems(entries)];
  if (all.length > 0) {
    return {
      refusal: {
        check: "ledger-broken",
        message: `${model}: the promotion ledger ${where} is broken (line ${all[0].line}: ${all[0].message}); nothing was released. Run \`modelgate audit verify ${model}\` and restore the ledger from git history`,
      },
    };
  }
  return { entries };
}

/**
 * Finds the version to release and checks its tag: on the remote, annotated, not deregistered, not moved since a
 * release recorded it, on the GitOps branch, and pointing at the very commit whose publish record published this
 * model and version (the stage tag of that record peels to the same commit, the commit's own ledger holds the
 * record, and its publish overlay pins the record's image).
 */
export function locateVersion(t: ReleaseTarget, view: RegistryView): Located | Refusal {
  const name = versionTag(t.model, t.version);
  const tag = view.tags.get(name);
  if (!tag) {
    return {
      check: "tag-missing",
      message: `${t.model}: the version tag ${name} is not on ${t.remote}; a release manager tags the version's commit and pushes the tag: \`git tag -a ${name} <commit> -m "…" && git push ${t.remote} ${name}\``,
    };
  }
  const dereg = deregistrationOf(view.tags.keys(), t.model, t.version);
  if (dereg) {
    return {
      check: "deregistered",
      message: `${t.model}: version ${t.version} was deregistered (tag ${dereg}); a deregistered version can never be released. Release another version`,
    };
  }
  if (!tag.annotated) {
    return {
      check: "lightweight",
      message: `${t.model}: ${name} is a lightweight tag (it names commit ${short(tag.commit)} directly); a release tag must be annotated so that it records who tagged it and when. Replace it: \`git tag -a -f ${name} ${short(tag.commit)} -m "…" && git push -f ${t.remote} ${name}\``,
    };
  }
  const ledger = readLedger(view.ledgerText, `${t.ledgerPath} on ${t.branch}`, t.model);
  if ("refusal" in ledger) return ledger.refusal;
  const { entries } = ledger;
  const gone = entries.find((e) => e.record.action === "deregister" && e.record.model.version === t.version);
  if (gone) {
    return {
      check: "deregistered",
      message: `${t.model}: version ${t.version} was deregistered (record #${gone.record.sequence} in ${t.ledgerPath}; its tag ${gone.record.stageTag} is no longer on ${t.remote}); a deregistered version can never be released. Release another version`,
    };
  }
  const earlier = entries.find((e) => e.record.release?.tag === name && e.record.release.tagObject !== tag.oid);
  if (earlier) {
    return {
      check: "moved",
      message: `${t.model}: ${name} was moved: record #${earlier.record.sequence} (${earlier.record.action} to ${earlier.record.environment}) released tag object ${earlier.record.release?.tagObject}, the remote now has ${tag.oid}. A version tag is never moved; restore it or tag a new version`,
    };
  }
  if (!view.onBranch) {
    return {
      check: "not-on-branch",
      message: `${t.model}: ${name} points at ${short(tag.commit)}, which is not on ${t.branch} of ${t.remote}; a version is released from the commit that published it on ${t.branch}`,
    };
  }
  const publishes = entries.filter(
    (e) => e.record.action === "publish" && e.record.model.name === t.model && e.record.model.version === t.version,
  );
  if (publishes.length === 0) {
    return {
      check: "not-published",
      message: `${t.model}: ${name} names version ${t.version}, but ${t.ledgerPath} on ${t.branch} has no publish record of it; only a published version is released (merge its pull request so that publish runs), and release never builds an image itself`,
    };
  }
  const publish = publishes.find((e) => view.tags.get(e.record.stageTag)?.commit === tag.commit);
  if (!publish) {
    const p = publishes.at(-1) as LedgerEntry;
    const st = view.tags.get(p.record.stageTag);
    return {
      check: "wrong-commit",
      message: st
        ? `${t.model}: ${name} points at ${short(tag.commit)}, but version ${t.version} was published at ${short(st.commit)} (record #${p.record.sequence}, tag ${p.record.stageTag}); the version tag belongs on that commit: \`git tag -a -f ${name} ${short(st.commit)} -m "…" && git push -f ${t.remote} ${name}\``
        : `${t.model}: the publish record #${p.record.sequence} of version ${t.version} names the stage tag ${p.record.stageTag}, which is not on ${t.remote}, so the commit it published cannot be confirmed; run \`modelgate audit verify ${t.model}\``,
    };
  }
  const atCommit = parseLedger(view.versionLedgerText ?? "").entries;
  if (!atCommit.some((e) => e.digest === publish.digest)) {
    return {
      check: "record-not-at-commit",
      message: `${t.model}: the commit ${short(tag.commit)} that ${name} points at does not hold the publish record ${publish.digest} in ${t.ledgerPath}; tag the commit publish made for version ${t.version}`,
    };
  }
  const pinned = readOverlayPin(view.versionOverlayText ?? "");
  const reference = publish.record.image.reference;
  if (pinned?.image !== reference) {
    return {
      check: "image-mismatch",
      message: `${t.model}: ${name}: the publish record of ${t.version} names image ${reference}, but ${t.publishOverlayPath} at ${short(tag.commit)} pins ${pinned?.image ?? "nothing"}; the record and the files it describes disagree, so nothing is released. Run \`modelgate audit verify ${t.model}\``,
    };
  }
  const at = reference.lastIndexOf("@");
  return {
    tag,
    publish,
    entries,
    current: currentIn(entries, t.environment),
    image: {
      reference,
      repository: at > 0 ? reference.slice(0, at) : reference,
      digest: publish.record.image.digest,
      // as published: the scheme is the image's (a modelcar, or an image for image volumes)
      scheme: pinned.scheme ?? "oci",
    },
  };
}

export function isRefusal(x: object): x is Refusal {
  return "check" in x;
}

export type Decision =
  | { kind: "unchanged"; current: LedgerEntry }
  | { kind: "promote"; action: "release" | "rollback"; supersedes: LedgerEntry | undefined };

/**
 * What releasing the located version into the environment does: nothing (it runs there already), a release, or a
 * rollback (older than what runs there). Refuses when the environment's overlay is not what its last record put
 * there (an edit made outside modelgate), and when the run's environment approval was already spent on a release
 * (any release: another version, or this one before a rollback).
 */
export function decide(
  t: ReleaseTarget,
  loc: Located,
  overlayText: string | undefined,
  runId?: number,
): Decision | Refusal {
  const current = loc.current;
  const pinned = readOverlayPin(overlayText ?? "")?.image;
  const recorded = current?.record.image.reference;
  if (pinned !== recorded) {
    return {
      check: "overlay-edited",
      message: current
        ? `${t.model}: ${versionTag(t.model, t.version)} not released: ${t.overlayPath} pins ${pinned ?? "nothing"}, but the last ${t.environment} record (#${current.record.sequence}, version ${current.record.model.version}) put ${recorded} there: the overlay was changed outside modelgate. Restore it from that record's commit, then release again (\`modelgate audit verify ${t.model}\` shows the change)`
        : `${t.model}: ${versionTag(t.model, t.version)} not released: ${t.overlayPath} pins ${pinned}, but no record ever promoted anything to ${t.environment}: the overlay was written outside modelgate. Restore it, then release again`,
    };
  }
  if (current && current.record.model.version === t.version && current.record.image.digest === loc.image.digest) {
    return { kind: "unchanged", current };
  }
  if (runId !== undefined) {
    // An approval is bound to the one release that recorded its run (run id, attempt, version and stage tag in that
    // record): the same version again after a rollback, or a re-run of the run, needs a new approved run.
    const spent = loc.entries.find((e) => e.record.release?.runId === runId);
    if (spent) {
      const r = spent.record;
      const attempt = r.release?.runAttempt ? `, attempt ${r.release.runAttempt}` : "";
      return {
        check: "run-reused",
        message: `${t.model}: ${versionTag(t.model, t.version)} not released: the environment approval of workflow run ${runId} was already used by record #${r.sequence} (${r.model.version} to ${r.environment}, ${r.stageTag}${attempt}); an approval is bound to one release, so each release (a re-release after a rollback, or a re-run of the run, too) needs its own approved run`,
      };
    }
  }
  const older = current && compareVersions(t.version, current.record.model.version) < 0;
  return { kind: "promote", action: older ? "rollback" : "release", supersedes: current };
}

/** True when a tag object carries a signature (OpenPGP, SSH or X.509), as `git tag -s` writes it. */
export function isSignedTag(tagObject: string): boolean {
  return /^-----BEGIN (?:PGP SIGNATURE|SSH SIGNATURE|SIGNED MESSAGE)-----$/m.test(tagObject);
}

/** The tagger line of a tag object ("Name <email>"), unverified: who the tag says made it. */
export function taggerOf(tagObject: string): string | undefined {
  const m = /^tagger (.+?) <([^>]*)>/m.exec(tagObject);
  return m ? `${m[1]} <${m[2]}>` : undefined;
}
