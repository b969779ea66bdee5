import { beltsToAward, type BeltFacts, type RuleResult } from "@/lib/belts/evaluate";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";
import { addUtcDays, dayNumber, startOfUtcDay } from "@/lib/period";
import { BELT } from "@/lib/vocabulary";
import { DAY, Random } from "./random";
import type { GuardianIndex } from "./work";
import type {
  ActivityRow,
  AuthorRow,
  BeltAwardRow,
  CompletionRow,
  CourseRow,
  FeedbackRow,
  MembershipRow,
  ParticipantRow,
  ReviewRow,
  ThreatModelRow,
} from "./types";
import { isoDay } from "@/lib/period";

const COURSES: Omit<CourseRow, "id">[] = [
  {
    key: "guardian-onboarding",
    title: "Guardian onboarding",
    required: true,
    onboarding: true,
    quarterHours: 8,
    description: "The program, the guardian's role and how reviews work.",
    beltLevel: "YELLOW",
  },
  {
    key: "secure-coding",
    title: "Secure coding fundamentals",
    required: true,
    onboarding: false,
    quarterHours: 16,
    description: "OWASP Top 10 in our stack.",
    beltLevel: "GREEN",
  },
  {
    key: "threat-modeling-101",
    title: "Threat modeling 101",
    required: true,
    onboarding: false,
    quarterHours: 12,
    description: "STRIDE, data-flow diagrams and writing mitigations.",
    beltLevel: "GREEN",
  },
  {
    key: "secrets-management",
    title: "Secrets management",
    required: true,
    onboarding: false,
    quarterHours: 4,
    description: "Vaults, rotation and what never goes in a repo.",
    beltLevel: "GREEN",
  },
  {
    key: "cloud-security",
    title: "Cloud security deep dive",
    required: false,
    onboarding: false,
    quarterHours: 16,
    description: "IAM, network boundaries and logging in the cloud.",
    beltLevel: "BLACK",
  },
  {
    key: "incident-response",
    title: "Incident response for builders",
    required: false,
    onboarding: false,
    quarterHours: 8,
    description: "What to do in the first hour.",
    beltLevel: null,
  },
  {
    key: "supply-chain",
    title: "Software supply chain security",
    required: false,
    onboarding: false,
    quarterHours: 6,
    description: "Dependencies, provenance and signing.",
    beltLevel: null,
  },
];

/** The required course the demo guardian has not completed yet. */
export const DEMO_GUARDIAN_COURSE_LEFT = "secrets-management";

type Inputs = {
  memberships: MembershipRow[];
  guardians: GuardianIndex;
  reviews: ReviewRow[];
  participants: ParticipantRow[];
  models: ThreatModelRow[];
  authors: AuthorRow[];
  activities: ActivityRow[];
  engineers: number[];
  today: Date;
  demoGuardianId?: number;
};

type Mentorship = { id: number; mentorId: number; menteeId: number; startedOn: Date };

export function simulateGrowth(rand: Random, x: Inputs) {
  const courses = COURSES.map((c, i) => ({ ...c, id: i + 1 }));
  const completions: CompletionRow[] = [];
  const firstActive = new Map<number, Date>();
  for (const m of x.memberships)
    if (m.activeOn && (!firstActive.has(m.userId) || m.activeOn < firstActive.get(m.userId)!))
      firstActive.set(m.userId, m.activeOn);
  for (const [userId, activeOn] of firstActive) {
    for (const course of courses) {
      const p = course.onboarding ? 0.97 : course.required ? 0.88 : 0.35;
      // The demo guardian has done every other required course: one short of Green's courses.
      if (!rand.chance(p) && !(userId === x.demoGuardianId && course.required)) continue;
      const on = startOfUtcDay(
        addUtcDays(activeOn, course.onboarding ? rand.int(0, 30) : rand.int(14, 200)),
      );
      // The demo guardian always has this required course still to do, so their home shows training
      // left on the way to Green (skipped after the draws, so everyone else's data stays the same).
      if (userId === x.demoGuardianId && course.key === DEMO_GUARDIAN_COURSE_LEFT) continue;
      if (on <= x.today)
        completions.push({
          id: completions.length + 1,
          userId,
          courseId: course.id,
          completedOn: on,
        });
    }
  }
  // Feedback from security engineers on guardians' input, as rateGuardian allows it: to a
  // completed review the guardian took part in, or an approved threat model they co-authored,
  // as a guardian of that team on that day; dated a few days after the work was done.
  const feedback: FeedbackRow[] = [];
  const last = x.today.getTime() - 60_000;
  const ratedAfter = (at: Date) =>
    new Date(Math.max(at.getTime(), Math.min(last, at.getTime() + rand.next() * 5 * DAY)));
  const reviewById = new Map(x.reviews.map((r) => [r.id, r]));
  for (const p of x.participants) {
    const r = reviewById.get(p.reviewId)!;
    if (
      !r.completedAt ||
      !r.securityEngineerId ||
      p.userId === r.securityEngineerId ||
      !x.guardians.was(p.userId, r.completedAt, r.teamId) ||
      !rand.chance(0.7)
    )
      continue;
    feedback.push({
      id: feedback.length + 1,
      reviewId: r.id,
      threatModelId: null,
      guardianId: p.userId,
      raterId: r.securityEngineerId,
      rating: rand.weighted([
        [5, 4],
        [4, 5],
        [3, 2],
        [2, 1],
      ]),
      comment: rand.pick([
        "Spotted the authz gap early.",
        "Good prep of the data-flow diagram.",
        "Needed some nudging on logging.",
        null,
      ]),
      createdAt: ratedAfter(r.completedAt),
    });
  }
  for (const a of x.authors) {
    const tm = x.models[a.threatModelId - 1];
    if (
      tm.status !== "APPROVED" ||
      !x.guardians.was(a.userId, tm.approvedOn!, tm.teamId) ||
      !rand.chance(0.6)
    )
      continue;
    feedback.push({
      id: feedback.length + 1,
      reviewId: null,
      threatModelId: tm.id,
      guardianId: a.userId,
      raterId: rand.pick(x.engineers),
      rating: rand.weighted([
        [5, 4],
        [4, 4],
        [3, 2],
      ]),
      comment: null,
      createdAt: ratedAfter(addUtcDays(tm.approvedOn!, 0.375)),
    });
  }
  const ladder = new BeltLadder(x, courses, completions, feedback);
  let awards = ladder.awardAll([]);
  // Green-belt guardians mentor a newer guardian now and then; mentoring counts towards Black.
  const mentorships = simulateMentorships(rand, x, awards);
  awards = ladder.awardAll(mentorships);
  return { courses, completions, feedback, mentorships, awards };
}

function simulateMentorships(rand: Random, x: Inputs, awards: BeltAwardRow[]): Mentorship[] {
  const green = new Map<number, Date>();
  for (const a of awards) if (a.belt === "GREEN") green.set(a.userId, a.awardedOn);
  const people = x.guardians.people();
  const mentorships: Mentorship[] = [];
  for (const [mentorId, greenOn] of green) {
    if (!rand.chance(0.8)) continue;
    const span = Math.floor((x.today.getTime() - greenOn.getTime()) / DAY);
    if (span < 14) continue;
    const startedOn = startOfUtcDay(addUtcDays(greenOn, rand.int(14, span)));
    if (!x.guardians.was(mentorId, startedOn)) continue;
    const newcomers = people.filter(
      (p) =>
        p !== mentorId &&
        x.guardians.was(p, startedOn) &&
        !(green.has(p) && green.get(p)! <= startedOn),
    );
    if (newcomers.length === 0) continue;
    mentorships.push({
      id: mentorships.length + 1,
      mentorId,
      menteeId: rand.pick(newcomers),
      startedOn,
    });
  }
  return mentorships;
}

type Event =
  | { day: number; kind: "active" }
  | { day: number; kind: "course"; key: string }
  | { day: number; kind: "review" | "threat-model" | "mentee" }
  | { day: number; kind: "hours"; date: Date; quarterHours: number }
  | { day: number; kind: "rating"; rating: number };

/**
 * Belts as the app awards them (reevaluateBelts): each guardian's facts replayed day by day, the
 * belt rules evaluated (lib/belts/evaluate) on every day something happened while they were an
 * active guardian, and a belt awarded on the first such day its rule is met, with that day's
 * evidence.
 */
class BeltLadder {
  private events = new Map<number, Event[]>();
  private required: string[];
  constructor(
    private x: Inputs,
    courses: CourseRow[],
    completions: CompletionRow[],
    feedback: FeedbackRow[],
  ) {
    this.required = courses.filter((c) => c.required).map((c) => c.key);
    const guardians = new Set(x.guardians.people());
    const add = (userId: number, e: Event) => {
      if (!guardians.has(userId)) return;
      const list = this.events.get(userId);
      if (list) list.push(e);
      else this.events.set(userId, [e]);
    };
    for (const m of x.memberships)
      if (m.activeOn) add(m.userId, { day: dayNumber(m.activeOn), kind: "active" });
    const key = new Map(courses.map((c) => [c.id, c.key]));
    for (const c of completions)
      add(c.userId, { day: dayNumber(c.completedOn), kind: "course", key: key.get(c.courseId)! });
    const completed = new Map(x.reviews.filter((r) => r.completedAt).map((r) => [r.id, r]));
    for (const p of x.participants) {
      const r = completed.get(p.reviewId);
      if (r) add(p.userId, { day: dayNumber(r.completedAt!), kind: "review" });
    }
    for (const a of x.authors) {
      const tm = x.models[a.threatModelId - 1];
      if (tm.status === "APPROVED")
        add(a.userId, { day: dayNumber(tm.approvedOn!), kind: "threat-model" });
    }
    for (const a of x.activities)
      add(a.userId, {
        day: dayNumber(a.date),
        kind: "hours",
        date: a.date,
        quarterHours: a.quarterHours,
      });
    for (const f of feedback)
      add(f.guardianId, { day: dayNumber(f.createdAt), kind: "rating", rating: f.rating });
    for (const list of this.events.values()) list.sort((a, b) => a.day - b.day);
  }

  awardAll(mentorships: Mentorship[]): BeltAwardRow[] {
    const mentees = new Map<number, Event[]>();
    for (const m of mentorships) {
      const list = mentees.get(m.mentorId) ?? [];
      list.push({ day: dayNumber(m.startedOn), kind: "mentee" });
      mentees.set(m.mentorId, list);
    }
    const awards: BeltAwardRow[] = [];
    for (const [userId, own] of this.events) {
      const extra = mentees.get(userId);
      const events = extra ? [...own, ...extra].sort((a, b) => a.day - b.day) : own;
      for (const a of this.ladder(userId, events)) awards.push({ ...a, id: awards.length + 1 });
    }
    return awards;
  }

  private ladder(userId: number, events: Event[]): Omit<BeltAwardRow, "id">[] {
    const facts: BeltFacts = {
      completedCourses: new Set(),
      requiredCourses: this.required,
      reviews: 0,
      threatModels: 0,
      hours: [],
      ratings: [],
      mentees: 0,
      heldBelts: new Set<BeltName>(),
    };
    const out: Omit<BeltAwardRow, "id">[] = [];
    const todayNumber = dayNumber(this.x.today);
    for (let i = 0; i < events.length;) {
      const day = events[i].day;
      if (day > todayNumber) break;
      for (; i < events.length && events[i].day === day; i++) {
        const e = events[i];
        if (e.kind === "course") facts.completedCourses.add(e.key);
        else if (e.kind === "review") facts.reviews++;
        else if (e.kind === "threat-model") facts.threatModels++;
        else if (e.kind === "mentee") facts.mentees++;
        else if (e.kind === "hours")
          facts.hours.push({ date: e.date, quarterHours: e.quarterHours });
        else if (e.kind === "rating") facts.ratings.push(e.rating);
      }
      const on = new Date(day * DAY);
      if (!this.x.guardians.was(userId, on)) continue;
      for (const r of beltsToAward(DEFAULT_BELT_RULES, facts, on)) {
        facts.heldBelts.add(r.belt);
        out.push({ userId, belt: r.belt, awardedOn: on, evidence: beltEvidence(r, on) });
      }
      if (facts.heldBelts.size === BELT.values.length) break;
    }
    return out;
  }
}

/** The evidence the app stores with an award (lib/server/belts/service.ts), marked as demo data. */
export function beltEvidence(r: RuleResult, on: Date) {
  return {
    rule: r.conditions.map((c) => ({ label: c.label, current: c.current, required: c.required })),
    evaluatedOn: isoDay(on),
    source: "demo data",
  };
}
