import { beltsToAward, type BeltFacts } from "@/lib/belts/evaluate";
import { DEFAULT_BELT_RULES, type BeltName } from "@/lib/belts/default-rules";
import { addUtcDays, startOfUtcDay } from "@/lib/period";
import { Random } from "./random";
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
  reviews: ReviewRow[];
  participants: ParticipantRow[];
  models: ThreatModelRow[];
  authors: AuthorRow[];
  activities: ActivityRow[];
  engineers: number[];
  today: Date;
  demoGuardianId?: number;
};

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
      if (!rand.chance(p)) continue;
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
  // Feedback from security engineers on guardians' input.
  const guardianIds = new Set(firstActive.keys());
  const feedback: FeedbackRow[] = [];
  const reviewById = new Map(x.reviews.map((r) => [r.id, r]));
  for (const p of x.participants) {
    const r = reviewById.get(p.reviewId)!;
    if (!r.completedAt || !guardianIds.has(p.userId) || !r.securityEngineerId || !rand.chance(0.7))
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
    });
  }
  for (const a of x.authors) {
    const tm = x.models[a.threatModelId - 1];
    if (tm.status !== "APPROVED" || !guardianIds.has(a.userId) || !rand.chance(0.6)) continue;
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
    });
  }
  const mentorships: { id: number; mentorId: number; menteeId: number; startedOn: Date }[] = [];
  const awards = awardBelts(x, courses, completions, feedback, mentorships, rand);
  return { courses, completions, feedback, mentorships, awards };
}

function awardBelts(
  x: Inputs,
  courses: CourseRow[],
  completions: CompletionRow[],
  feedback: FeedbackRow[],
  mentorships: { id: number; mentorId: number; menteeId: number; startedOn: Date }[],
  rand: Random,
): BeltAwardRow[] {
  const guardians = [
    ...new Set(
      x.memberships
        .filter((m) => m.status === "ACTIVE" || m.status === "ALUMNI")
        .map((m) => m.userId),
    ),
  ];
  const count = <K>(items: K[]) =>
    items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
  const completedReviews = new Set(x.reviews.filter((r) => r.completedAt).map((r) => r.id));
  const reviewCount = count(
    x.participants.filter((p) => completedReviews.has(p.reviewId)).map((p) => p.userId),
  );
  const tmCount = count(
    x.authors
      .filter((a) => x.models[a.threatModelId - 1].status === "APPROVED")
      .map((a) => a.userId),
  );
  const hours = new Map<number, { date: Date; quarterHours: number }[]>();
  for (const a of x.activities) {
    const list = hours.get(a.userId);
    if (list) list.push({ date: a.date, quarterHours: a.quarterHours });
    else hours.set(a.userId, [{ date: a.date, quarterHours: a.quarterHours }]);
  }
  const courseKey = new Map(courses.map((c) => [c.id, c.key]));
  const done = new Map<number, Set<string>>();
  for (const c of completions)
    done.set(c.userId, (done.get(c.userId) ?? new Set()).add(courseKey.get(c.courseId)!));
  const ratings = new Map<number, number[]>();
  for (const f of feedback) {
    const list = ratings.get(f.guardianId);
    if (list) list.push(f.rating);
    else ratings.set(f.guardianId, [f.rating]);
  }
  const required = courses.filter((c) => c.required).map((c) => c.key);
  const awards: BeltAwardRow[] = [];
  const greenOrBetter: number[] = [];
  const firstActive = new Map<number, Date>();
  for (const m of x.memberships)
    if (m.activeOn && (!firstActive.has(m.userId) || m.activeOn < firstActive.get(m.userId)!))
      firstActive.set(m.userId, m.activeOn);
  for (const userId of guardians) {
    const facts: BeltFacts = {
      completedCourses: done.get(userId) ?? new Set(),
      requiredCourses: required,
      reviews: reviewCount.get(userId) ?? 0,
      threatModels: tmCount.get(userId) ?? 0,
      hours: hours.get(userId) ?? [],
      ratings: ratings.get(userId) ?? [],
      mentees: 0,
      heldBelts: new Set<BeltName>(),
    };
    const results = beltsToAward(DEFAULT_BELT_RULES, facts, x.today);
    results.forEach((r, rung) => {
      // Belts arrive over a guardian's tenure, a few months apart.
      const awardedOn = startOfUtcDay(
        new Date(
          Math.min(
            x.today.getTime(),
            addUtcDays(
              firstActive.get(userId)!,
              rung * rand.int(60, 150) + rand.int(0, 20),
            ).getTime(),
          ),
        ),
      );
      awards.push({
        id: awards.length + 1,
        userId,
        belt: r.belt,
        awardedOn,
        evidence: {
          rule: r.conditions.map((c) => ({
            label: c.label,
            current: c.current,
            required: c.required,
          })),
          evaluatedOn: isoDay(x.today),
          source: "demo data",
        },
      });
    });
    if (results.some((r) => r.belt === "GREEN")) greenOrBetter.push(userId);
  }
  const senior = new Set(greenOrBetter);
  const newcomers = guardians.filter((g) => !senior.has(g));
  for (const mentor of greenOrBetter) {
    if (!rand.chance(0.5) || newcomers.length === 0) continue;
    mentorships.push({
      id: mentorships.length + 1,
      mentorId: mentor,
      menteeId: rand.pick(newcomers),
      startedOn: startOfUtcDay(addUtcDays(x.today, -rand.int(30, 300))),
    });
  }
  return awards;
}
