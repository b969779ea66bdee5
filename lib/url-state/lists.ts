import { z } from "zod";
import {
  ALERT_KIND,
  CHAT_TOOL,
  NEWSLETTER_STATUS,
  ROLE,
  TEAM_PROFILE,
  THREAT_MODEL_STATUS,
} from "@/lib/vocabulary";
import { SIGN_IN_METHODS } from "@/lib/identity/sign-in-method";
import { COMPARISON_DEFAULT_SORT, COMPARISON_SORT_KEYS } from "@/lib/metrics/org-comparison";
import { MAX_QUERY_LENGTH, SEARCH_TYPES } from "@/lib/search/query";
import { defineList } from "./list-state";
import { flag, fromUrl, id, isoDate, oneOf, quarter, text } from "./params";

// Every list's and dashboard's URL state, defined once: the page parses it with `parse`, and
// links (pagination, sort headers, CSV, views) are written with `href`. The parameter names
// are public (bookmarked and shared URLs), so they never change.

/** A team named in a list's filter: the page resolves the typed name or key in its scope. */
const teamText = () => fromUrl(z.string());

export const reviewFilterSchema = z.object({
  team: teamText(),
  status: oneOf(["requested", "in-progress", "open", "completed"]),
  engineer: oneOf(["me", "none"]),
  guardian: oneOf(["with", "without"]),
  /** A quarter of the completed date, or of the requested date with periodOf "requested". */
  period: quarter(),
  periodOf: oneOf(["requested", "completed"]),
});
export const reviewsList = defineList(reviewFilterSchema, {
  sort: { keys: ["requested", "completed"], default: { key: "requested", desc: true } },
});

export const releasesList = defineList(z.object({ team: teamText(), edit: id() }));

export const threatModelsList = defineList(
  z.object({ team: teamText(), status: oneOf(THREAT_MODEL_STATUS.values), flagged: flag() }),
);

export const directoryFilterSchema = z.object({
  q: text(100),
  org: id(),
  profile: oneOf(TEAM_PROFILE.values),
  coverage: oneOf(["covered", "uncovered"]),
});
export const teamsList = defineList(directoryFilterSchema, {
  sort: { keys: ["name", "org"], default: { key: "name", desc: false } },
});

/** An organisation's page: its own teams, or (`sub=yes`) those of its sub-organisations too. */
export const orgTeamsList = defineList(z.object({ sub: flag() }));

export const peopleFilterSchema = z.object({
  q: text(100),
  org: id(),
  role: oneOf(ROLE.values),
  status: oneOf(["active", "deactivated"]),
  signin: oneOf(SIGN_IN_METHODS),
  /** A team's members (the team page's "all members" link). */
  team: id(),
});
export const peopleList = defineList(peopleFilterSchema, {
  sort: { keys: ["name"], default: { key: "name", desc: false } },
});

export const auditFilterSchema = z.object({
  entity: fromUrl(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,40}$/),
  ),
  action: fromUrl(
    z
      .string()
      .trim()
      .regex(/^[a-z-]{1,40}$/),
  ),
  actor: fromUrl(z.string().trim().toLowerCase().max(254)),
  from: isoDate(),
  to: isoDate(),
});
export const auditList = defineList(auditFilterSchema, {
  sort: { keys: ["at"], default: { key: "at", desc: true } },
});

export const newslettersList = defineList(
  z.object({ org: id(), status: oneOf(NEWSLETTER_STATUS.values) }),
);

/**
 * /program/channels: the organisation whose Slack and Teams channels show, its posts' page, and
 * the tool whose channel was just removed (the card says so).
 */
export const channelsList = defineList(z.object({ org: id(), removed: oneOf(CHAT_TOOL.values) }));

/** The dashboards' scope and quarter range (overview, each view, and its CSV). */
export const dashboardFilterSchema = z.object({
  org: id(),
  team: id(),
  from: quarter(),
  to: quarter(),
});
export const dashboardView = defineList(dashboardFilterSchema);

/**
 * The organisation comparison: the organisations under `org` (the top level without it), at the
 * last quarter of the dashboards' range, in the order of one column.
 */
const orgComparisonFilterSchema = z.object({ org: id(), from: quarter(), to: quarter() });
export const orgComparisonList = defineList(orgComparisonFilterSchema, {
  sort: { keys: COMPARISON_SORT_KEYS, default: COMPARISON_DEFAULT_SORT },
});
/** The comparison's CSV: the same filter and order as the page. */
export const orgComparisonQuerySchema = orgComparisonFilterSchema.extend({
  sort: oneOf([...COMPARISON_SORT_KEYS, ...COMPARISON_SORT_KEYS.map((k) => `-${k}` as const)]),
});

export const trainingView = defineList(z.object({ org: id() }));

/** Open coverage alerts, newest first, of one kind or all. */
export const alertsList = defineList(z.object({ kind: oneOf(ALERT_KIND.values) }));

/** Events (/events): upcoming (default) or past, a page at a time. */
export const eventList = defineList(z.object({ when: oneOf(["upcoming", "past"]) }));

/** Lists with no filter of their own: only the page is in the URL. */
export const pagedList = defineList(z.object({}));

export type ReviewUrlFilter = z.output<typeof reviewFilterSchema>;
export type DirectoryFilter = z.output<typeof directoryFilterSchema>;
export type PeopleFilter = z.output<typeof peopleFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;
export type DashboardFilter = z.output<typeof dashboardFilterSchema>;
export type OrgComparisonFilter = z.output<typeof orgComparisonFilterSchema>;
export type OrgComparisonQuery = z.output<typeof orgComparisonQuerySchema>;

/** /admin/jobs: the jobs out of retries (default) or those waiting for their next attempt. */
export const jobsList = defineList(z.object({ state: oneOf(["failed", "retry"]) }));

/** The search results page (`/search`): the text, and one kind of record or all of them. */
export const searchResultsList = defineList(
  z.object({ q: text(MAX_QUERY_LENGTH), type: oneOf(SEARCH_TYPES) }),
);

/** The recognition leaderboards: a quarter (the current one without it), an org, the figure ranked. */
export const leaderboardList = defineList(
  z.object({ quarter: quarter(), org: id(), by: oneOf(["reviews", "belts", "coverage"]) }),
);
