import { isActiveOn } from "@/lib/active-guardian";
import { toQuarterHours } from "@/lib/hours";
import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { DAY, Random } from "./random";
import type {
  ActivityRow,
  AuthorRow,
  ChecklistRow,
  FindingRow,
  MembershipRow,
  ParticipantRow,
  ReleaseRow,
  ReviewRow,
  ScaleConfig,
  TeamRow,
  ThreatModelRow,
  ThreatRow,
  UserRow,
} from "./types";
import { STRIDE_CATEGORY } from "@/lib/vocabulary";
import { reviewOutcomeProblem } from "@/lib/reviews/outcome";
import { approvalBlocker, isUndocumented } from "@/lib/threat-models/rules";

export const RUNBOOK = [
  "Threat model reviewed",
  "Data classification",
  "Authentication and authorisation",
  "Logging and monitoring",
  "Dependencies",
  "Secrets management",
];
const SERVICES = [
  "payments API",
  "login flow",
  "export job",
  "admin console",
  "webhook receiver",
  "mobile sync",
  "search indexer",
  "file upload",
  "partner integration",
  "feature flags",
  "audit trail",
  "billing portal",
];
const MITIGATIONS = [
  "Enforce mTLS between services",
  "Validate and canonicalise input",
  "Sign and verify audit events",
  "Encrypt at rest with per-tenant keys",
  "Rate-limit by client and token",
  "Check authorisation on every object",
];

/** Guardians of a team on a day, from the memberships, by the app's rule (lib/active-guardian). */
export class GuardianIndex {
  private byTeam = new Map<number, MembershipRow[]>();
  private byUser = new Map<number, MembershipRow[]>();
  constructor(memberships: MembershipRow[]) {
    for (const m of memberships) {
      if (!m.activeOn) continue;
      for (const [map, key] of [
        [this.byTeam, m.teamId],
        [this.byUser, m.userId],
      ] as const) {
        const list = map.get(key);
        if (list) list.push(m);
        else map.set(key, [m]);
      }
    }
  }
  on(teamId: number, day: Date): number[] {
    return (this.byTeam.get(teamId) ?? []).filter((m) => isActiveOn(m, day)).map((m) => m.userId);
  }
  /** Was the person an active guardian of the team (or of any team) on that day? */
  was(userId: number, day: Date, teamId?: number): boolean {
    return (this.byUser.get(userId) ?? []).some(
      (m) => (teamId === undefined || m.teamId === teamId) && isActiveOn(m, day),
    );
  }
  /** Everyone who was ever an active guardian. */
  people(): number[] {
    return [...this.byUser.keys()];
  }
  memberships(userId: number): MembershipRow[] {
    return this.byUser.get(userId) ?? [];
  }
}

export function simulateReviews(
  rand: Random,
  cfg: ScaleConfig,
  teams: TeamRow[],
  membersByTeam: Map<number, UserRow[]>,
  guardians: GuardianIndex,
  engineers: number[],
  today: Date,
) {
  const reviews: ReviewRow[] = [];
  const participants: ParticipantRow[] = [];
  const checklist: ChecklistRow[] = [];
  const findings: FindingRow[] = [];
  const releases: ReleaseRow[] = [];
  for (const team of teams) {
    const days = (today.getTime() - team.joinedOn.getTime()) / DAY;
    const count = rand.poisson((cfg.reviewsPerTeamYear * days) / 365);
    const members = membersByTeam.get(team.id) ?? [];
    for (let i = 0; i < count; i++) {
      const requestedAt = new Date(team.joinedOn.getTime() + rand.next() * days * DAY);
      const engineerId = rand.pick(engineers);
      const present = guardians.on(team.id, startOfUtcDay(requestedAt));
      const withGuardian = present.length > 0 && rand.chance(0.85);
      // Behaviour, not figures: a guardian who prepared the review shortens the back-and-forth.
      const queueDays = rand.lognormal(2, 0.7);
      const workDays = rand.lognormal(withGuardian ? 6.5 : 9.5, 0.55);
      const startedAt = new Date(requestedAt.getTime() + queueDays * DAY);
      const completedAt = new Date(startedAt.getTime() + workDays * DAY);
      const done = completedAt < today;
      const id = reviews.length + 1;
      const effortEngineer = Math.max(
        1,
        toQuarterHours(rand.lognormal(withGuardian ? 2.5 : 4, 0.35)),
      );
      const people = [{ userId: engineerId, qh: effortEngineer }];
      if (withGuardian)
        people.push({
          userId: rand.pick(present),
          qh: Math.max(1, toQuarterHours(rand.lognormal(1.5, 0.4))),
        });
      const builder = members.length ? rand.pick(members) : null;
      if (builder && !people.some((p) => p.userId === builder.id) && rand.chance(0.6))
        people.push({
          userId: builder.id,
          qh: Math.max(1, toQuarterHours(rand.lognormal(1, 0.5))),
        });
      reviews.push({
        id,
        key: `REV-${String(id).padStart(6, "0")}`,
        teamId: team.id,
        service: `${team.name.split(" ")[0]} ${rand.pick(SERVICES)}`,
        requestedAt,
        startedAt: startedAt < today ? startedAt : null,
        completedAt: done ? completedAt : null,
        securityEngineerId: startedAt < today ? engineerId : null,
        effortQuarterHours: done ? people.reduce((s, p) => s + p.qh, 0) : null,
        outcome: null,
      });
      // The engineer joins the review when it starts (startReview); the others take part anyway.
      for (const p of people)
        if (p.userId !== engineerId || startedAt < today)
          participants.push({
            reviewId: id,
            userId: p.userId,
            effortQuarterHours: done ? p.qh : null,
          });
      RUNBOOK.forEach((label, position) =>
        checklist.push({
          id: checklist.length + 1,
          reviewId: id,
          label,
          position,
          done: done || rand.chance(0.3),
        }),
      );
      if (done) {
        const n = rand.poisson(withGuardian ? 0.6 : 1.0);
        const found: FindingRow[] = [];
        for (let f = 0; f < n; f++)
          found.push(
            simulateFinding(
              rand,
              findings.length + found.length + 1,
              id,
              team.id,
              startOfUtcDay(completedAt),
              today,
            ),
          );
        findings.push(...found);
        // The outcome follows what the review found (reviewOutcomeProblem, lib/reviews/outcome.ts).
        reviews[reviews.length - 1].outcome = simulateOutcome(rand, found);
        if (rand.chance(0.7)) {
          const startedOn = startOfUtcDay(addUtcDays(requestedAt, -rand.int(5, 30)));
          const releasedAt = addUtcDays(completedAt, rand.lognormal(4, 0.6));
          releases.push({
            id: releases.length + 1,
            key: `REL-${String(releases.length + 1).padStart(6, "0")}`,
            teamId: team.id,
            name: `${team.name.split(" ")[0]} ${rand.pick(SERVICES)} launch`,
            startedOn,
            releasedOn: releasedAt < today ? startOfUtcDay(releasedAt) : null,
            reviewId: id,
          });
        }
      }
    }
    const unreviewed = rand.poisson(days / 365);
    for (let i = 0; i < unreviewed; i++) {
      const startedOn = startOfUtcDay(new Date(team.joinedOn.getTime() + rand.next() * days * DAY));
      const releasedAt = addUtcDays(startedOn, rand.lognormal(14, 0.5));
      releases.push({
        id: releases.length + 1,
        key: `REL-${String(releases.length + 1).padStart(6, "0")}`,
        teamId: team.id,
        name: `${team.name.split(" ")[0]} small change`,
        startedOn,
        releasedOn: releasedAt < today ? startOfUtcDay(releasedAt) : null,
        reviewId: null,
      });
    }
  }
  return { reviews, participants, checklist, findings, releases };
}

/** No findings: approved. Findings: approved with them, or changes required (likelier when severe). */
function simulateOutcome(rand: Random, found: FindingRow[]): string {
  if (found.length === 0) return "APPROVED";
  const severe = found.some((f) => f.severity === "CRITICAL" || f.severity === "HIGH");
  const outcome = rand.chance(severe ? 0.35 : 0.05) ? "CHANGES_REQUIRED" : "APPROVED_WITH_FINDINGS";
  const open = found.filter((f) => f.status === "OPEN").length;
  if (reviewOutcomeProblem(outcome, { total: found.length, open }))
    throw new Error(`demo review outcome ${outcome} with ${found.length} findings`);
  return outcome;
}

function simulateFinding(
  rand: Random,
  id: number,
  reviewId: number,
  teamId: number,
  openedOn: Date,
  today: Date,
): FindingRow {
  const severity = rand.weighted<string>([
    ["CRITICAL", 1],
    ["HIGH", 3],
    ["MEDIUM", 5],
    ["LOW", 4],
  ]);
  const fate = rand.weighted<string>([
    ["MITIGATED", 76],
    ["ACCEPTED", 10],
    ["FALSE_POSITIVE", 8],
    ["OPEN", 6],
  ]);
  const closeAfter = rand.lognormal(
    severity === "CRITICAL" ? 6 : severity === "HIGH" ? 15 : 35,
    0.7,
  );
  const closedAt = addUtcDays(openedOn, Math.max(1, Math.round(closeAfter)));
  const closed = fate !== "OPEN" && closedAt < today;
  return {
    id,
    key: `FND-${String(id).padStart(6, "0")}`,
    reviewId,
    teamId,
    title: `${severity.toLowerCase()} ${rand.pick(["injection", "broken access control", "weak crypto", "secrets in logs", "SSRF", "missing rate limit"])}`,
    severity,
    status: closed ? fate : "OPEN",
    openedOn,
    closedOn: closed ? startOfUtcDay(closedAt) : null,
  };
}

export function simulateThreatModels(
  rand: Random,
  teams: TeamRow[],
  guardians: GuardianIndex,
  engineers: number[],
  today: Date,
) {
  const models: ThreatModelRow[] = [];
  const authors: AuthorRow[] = [];
  const threats: ThreatRow[] = [];
  for (const team of teams) {
    const days = (today.getTime() - team.joinedOn.getTime()) / DAY;
    const n = rand.poisson((days / 365) * (team.profile === "HIGH_RISK" ? 3 : 1.5));
    for (let i = 0; i < n; i++) {
      const createdOn = startOfUtcDay(new Date(team.joinedOn.getTime() + rand.next() * days * DAY));
      const present = guardians.on(team.id, createdOn);
      const guardianAuthor = present.length > 0 && rand.chance(0.75) ? rand.pick(present) : null;
      const approvedAt = addUtcDays(createdOn, rand.lognormal(guardianAuthor ? 12 : 18, 0.5));
      const approved = approvedAt < today;
      const id = models.length + 1;
      models.push({
        id,
        key: `TM-${String(id).padStart(5, "0")}`,
        teamId: team.id,
        system: `${team.name.split(" ")[0]} ${rand.pick(SERVICES)}`,
        status: approved ? "APPROVED" : rand.chance(0.5) ? "IN_REVIEW" : "DRAFT",
        createdOn,
        approvedOn: approved ? startOfUtcDay(approvedAt) : null,
      });
      if (guardianAuthor) authors.push({ threatModelId: id, userId: guardianAuthor });
      if (!guardianAuthor || rand.chance(0.5))
        authors.push({ threatModelId: id, userId: rand.pick(engineers) });
      const count = rand.int(3, 8);
      const drafted: ThreatRow[] = [];
      for (let t = 0; t < count; t++) {
        const severity = rand.weighted<string>([
          ["CRITICAL", 1],
          ["HIGH", 3],
          ["MEDIUM", 4],
          ["LOW", 3],
        ]);
        let status = rand.weighted<string>(
          guardianAuthor
            ? [
                ["IMPLEMENTED", 6],
                ["PLANNED", 3],
                ["ACCEPTED", 1],
                ["NONE", 1],
              ]
            : [
                ["IMPLEMENTED", 5],
                ["PLANNED", 3],
                ["ACCEPTED", 1],
                ["NONE", 3],
              ],
        );
        // An approved model had its severe threats mitigated before the engineer signed it off.
        if (
          approved &&
          (severity === "CRITICAL" || severity === "HIGH") &&
          status !== "IMPLEMENTED"
        )
          status = "PLANNED";
        drafted.push({
          id: threats.length + drafted.length + 1,
          key: `THR-${String(threats.length + drafted.length + 1).padStart(6, "0")}`,
          threatModelId: id,
          title: `${rand.pick(["Token replay", "Tampered payload", "Unlogged admin action", "Data leak via export", "Resource exhaustion", "Privilege escalation"])}`,
          category: rand.pick(STRIDE_CATEGORY.values),
          severity,
          mitigation: status === "NONE" ? null : rand.pick(MITIGATIONS),
          mitigationStatus: status,
        });
      }
      // Approval as the service does it (decide): the blocker checked, and the threats left
      // without a documented mitigation explicitly accepted.
      if (approved) {
        if (approvalBlocker("IN_REVIEW", drafted, true)) throw new Error("demo threat model");
        for (const t of drafted) if (isUndocumented(t)) t.mitigationStatus = "ACCEPTED";
      }
      threats.push(...drafted);
    }
  }
  return { models, authors, threats };
}

export type { ActivityRow };
