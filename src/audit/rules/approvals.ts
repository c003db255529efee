import { short } from "../history.ts";
import { type EntryRule, finding, recordText } from "./context.ts";

/**
 * approval: a publish record names its pull request and holds an approval of the exact evaluated head, by a reviewer
 * other than the author; no approval of another commit, and no self-approval.
 */
export const approvedHead: EntryRule = (_facts, { view, entry }) => {
  const r = entry.record;
  if (r.action !== "publish") return [];
  const where = { model: view.model, entry, commit: r.pullRequest?.head };
  if (!r.pullRequest) {
    return [
      finding(
        "approval",
        where,
        `${recordText(entry)} names no pull request, so nothing records a review of what was published`,
        "the pull request, its evaluated head commit, and approvals of that commit",
      ),
    ];
  }
  const pr = r.pullRequest;
  const out = [];
  const onHead = r.approvals.filter((a) => a.commit === pr.head && a.reviewer !== pr.author);
  if (onHead.length === 0) {
    out.push(
      finding(
        "approval",
        where,
        `${recordText(entry)}: no approval of the evaluated head ${short(pr.head)} of pull request #${pr.number} is recorded${
          r.approvals.length
            ? ` (recorded: ${r.approvals.map((a) => `${a.reviewer} on ${short(a.commit)}`).join(", ")})`
            : " (the record holds no approval at all)"
        }`,
        `an approval by a reviewer other than the author (${pr.author}) of commit ${short(pr.head)}`,
      ),
    );
  }
  for (const a of r.approvals) {
    if (a.commit !== pr.head) {
      out.push(
        finding(
          "approval",
          where,
          `${recordText(entry)}: the approval by ${a.reviewer} (review ${a.reviewId}) is of commit ${short(a.commit)}, not of the evaluated head ${short(pr.head)}`,
          "approvals only of the exact commit that was evaluated",
        ),
      );
    } else if (a.reviewer === pr.author) {
      out.push(
        finding(
          "approval",
          where,
          `${recordText(entry)}: ${a.reviewer} approved their own pull request #${pr.number}`,
          "approvals by reviewers other than the author",
        ),
      );
    }
  }
  return out;
};
