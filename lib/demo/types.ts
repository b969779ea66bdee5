// Plain rows of the demo data set, one array per table, with explicit ids.
import type { AgreementRow } from "./agreed-time";
export type Scale = "small" | "medium" | "large";

export type ScaleConfig = {
  guardianWeights: [number, number][];
  years: number;
  topOrgs: number;
  subOrgsPerTop: number;
  teams: number;
  people: number;
  guardianTeamsShare: number;
  reviewsPerTeamYear: number;
  builderLogRate: number;
};

export const SCALES: Record<Scale, ScaleConfig> = {
  small: {
    guardianWeights: [
      [1, 5],
      [2, 3],
      [3, 1],
    ],
    years: 2,
    topOrgs: 3,
    subOrgsPerTop: 2,
    teams: 30,
    people: 400,
    guardianTeamsShare: 0.8,
    reviewsPerTeamYear: 25,
    builderLogRate: 0.25,
  },
  medium: {
    guardianWeights: [
      [1, 3],
      [2, 3],
      [3, 2],
    ],
    years: 3,
    topOrgs: 6,
    subOrgsPerTop: 3,
    teams: 300,
    people: 5_000,
    guardianTeamsShare: 0.8,
    reviewsPerTeamYear: 16,
    builderLogRate: 0.12,
  },
  large: {
    guardianWeights: [
      [2, 3],
      [3, 4],
      [4, 2],
    ],
    years: 5,
    topOrgs: 12,
    subOrgsPerTop: 5,
    teams: 2_000,
    people: 50_000,
    guardianTeamsShare: 0.85,
    reviewsPerTeamYear: 15.7,
    builderLogRate: 0.17,
  },
};

export type OrgRow = {
  id: number;
  key: string;
  name: string;
  parentId: number | null;
  leaderId: number | null;
};
export type TeamRow = {
  id: number;
  key: string;
  name: string;
  orgId: number;
  profile: string;
  pilot: boolean;
  joinedOn: Date;
  riskBudget: number;
};
export type UserRow = {
  id: number;
  email: string;
  name: string;
  roles: string[];
  orgId: number | null;
  teamId: number | null;
  passwordHash: string | null;
};
export type MembershipRow = {
  id: number;
  userId: number;
  teamId: number;
  status: string;
  reason: string | null;
  nominatedById: number | null;
  approvedById: number | null;
  nominatedOn: Date;
  activeOn: Date | null;
  leftOn: Date | null;
  declinedOn: Date | null;
};
export type StatusChangeRow = {
  id: number;
  membershipId: number;
  fromStatus: string | null;
  toStatus: string;
  changedById: number | null;
  at: Date;
};
export type ReviewRow = {
  id: number;
  key: string;
  teamId: number;
  service: string;
  requestedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  securityEngineerId: number | null;
  effortQuarterHours: number | null;
  outcome: string | null;
};
export type ParticipantRow = {
  reviewId: number;
  userId: number;
  effortQuarterHours: number | null;
};
export type ChecklistRow = {
  id: number;
  reviewId: number;
  label: string;
  position: number;
  done: boolean;
};
export type FindingRow = {
  id: number;
  key: string;
  reviewId: number | null;
  teamId: number;
  title: string;
  severity: string;
  status: string;
  openedOn: Date;
  closedOn: Date | null;
};
export type ReleaseRow = {
  id: number;
  key: string;
  teamId: number;
  name: string;
  startedOn: Date;
  releasedOn: Date | null;
  reviewId: number | null;
};
export type ThreatModelRow = {
  id: number;
  key: string;
  teamId: number;
  system: string;
  status: string;
  createdOn: Date;
  approvedOn: Date | null;
};
export type AuthorRow = { threatModelId: number; userId: number };
export type ThreatRow = {
  id: number;
  key: string;
  threatModelId: number;
  title: string;
  category: string;
  severity: string;
  mitigation: string | null;
  mitigationStatus: string;
};
export type ActivityRow = {
  id: number;
  userId: number;
  date: Date;
  quarterHours: number;
  type: string;
  reviewId: number | null;
  note: string | null;
};
export type CourseRow = {
  id: number;
  key: string;
  title: string;
  required: boolean;
  onboarding: boolean;
  quarterHours: number;
  description: string;
  beltLevel: string | null;
};
export type CompletionRow = { id: number; userId: number; courseId: number; completedOn: Date };
export type BeltAwardRow = {
  id: number;
  userId: number;
  belt: string;
  awardedOn: Date;
  evidence: unknown;
};
export type FeedbackRow = {
  id: number;
  reviewId: number | null;
  threatModelId: number | null;
  guardianId: number;
  raterId: number;
  rating: number;
  comment: string | null;
  createdAt: Date;
};

export type Dataset = {
  program: { name: string; vision: string; mission: string };
  goals: {
    title: string;
    metric: string;
    target: number;
    period: string;
    higherIsBetter: boolean;
  }[];
  orgs: OrgRow[];
  teams: TeamRow[];
  users: UserRow[];
  memberships: MembershipRow[];
  statusChanges: StatusChangeRow[];
  runbook: string[];
  reviews: ReviewRow[];
  participants: ParticipantRow[];
  checklist: ChecklistRow[];
  findings: FindingRow[];
  releases: ReleaseRow[];
  threatModels: ThreatModelRow[];
  authors: AuthorRow[];
  threats: ThreatRow[];
  activities: ActivityRow[];
  courses: CourseRow[];
  completions: CompletionRow[];
  beltRules: { belt: string; conditions: unknown }[];
  beltAwards: BeltAwardRow[];
  mentorships: { id: number; mentorId: number; menteeId: number; startedOn: Date }[];
  timeAgreements: AgreementRow[];
  feedback: FeedbackRow[];
  survey: {
    title: string;
    opensOn: Date;
    closesOn: Date;
    questions: { position: number; text: string; kind: string }[];
  };
  surveyResponses: {
    userId: number;
    submittedAt: Date;
    answers: { position: number; rating: number | null; text: string | null }[];
  }[];
  recognitions: {
    recipientId: number;
    giverId: number;
    kind: string;
    title: string;
    reason: string;
    createdAt: Date;
  }[];
};
