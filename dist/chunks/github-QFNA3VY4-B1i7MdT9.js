import { createRequire } from 'node:module';
import { v as upsertStickyIssue } from './chunk-NKXRGQC5-h4gDLlTY.js';
export { A as ANNOTATIONS_PER_REQUEST, C as CHECK_TEXT_MAX, w as COMMENT_MAX, G as GITHUB_ACTIONS_BOT, x as GitHubApiError, M as MONITOR_LABEL, P as PR_COMMENT_MARKER, S as STATUS_DESCRIPTION_MAX, y as client, j as clip, c as collaboratorPermission, k as createOrUpdateCheckRun, z as dispatchWorkflow, q as ensurePullRequest, o as environmentReviews, f as fileAtCommit, r as findPullRequestByHead, B as fitComment, g as getPullRequest, h as headPushers, i as isFromFork, e as latestCheckRun, d as latestStatus, a as listPullRequestFiles, l as listReviews, D as markerComment, p as pullRequestCommitAuthors, b as pullsForCommit, E as reviewFact, F as section, s as setCommitStatus, n as tagVerification, t as teamMembers, H as tokenIdentity, m as upsertStickyComment, u as upsertStickySection } from './chunk-NKXRGQC5-h4gDLlTY.js';
export { J as JOB_SUMMARY_MAX_BYTES, r as resolveContext, w as writeJobSummary } from './chunk-BJUODENM-D7tbkoXJ.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import './chunk-DFUR2YEO-CrRpRbga.js';
import './chunk-U2N6PYQM-Bne4_qtb.js';
import 'node:fs';
import 'node:crypto';
import 'node:worker_threads';
import 'node:timers/promises';
import 'os';
import 'crypto';
import 'fs';
import 'http';
import 'https';

const require$1 = createRequire(import.meta.url);

export { upsertStickyIssue };
