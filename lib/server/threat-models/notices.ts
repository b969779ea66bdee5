import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  threatModelApproved,
  threatModelSentBack,
  threatModelSubmitted,
} from "@/lib/notifications/messages";
import { except, holdersOf } from "@/lib/server/notifications/audience";
import { notify } from "@/lib/server/notifications/notify";

// Threat-model events, written in the transaction of the change. A model may go to review and
// back several times: each round is its own event, named by the change's audit entry.
type Tx = Prisma.TransactionClient;
type Person = { id: number; name: string };
type Model = { id: number; key: string; system: string; team: { orgId: number } };

async function people(tx: Tx, tm: Model) {
  const [model, authors, comments, returns] = await Promise.all([
    tx.threatModel.findUniqueOrThrow({
      where: { id: tm.id },
      select: { team: { select: { name: true } } },
    }),
    tx.threatModelAuthor.findMany({ where: { threatModelId: tm.id }, select: { userId: true } }),
    tx.threatModelComment.findMany({ where: { threatModelId: tm.id }, select: { authorId: true } }),
    // A model sent back without a comment was still reviewed by whoever sent it back.
    tx.auditLog.findMany({
      where: { entity: "ThreatModel", entityId: String(tm.id), action: "return" },
      select: { actorId: true },
    }),
  ]);
  return {
    names: { key: tm.key, system: tm.system, team: model.team.name },
    authors: authors.map((a) => a.userId),
    reviewers: [...comments.map((c) => c.authorId), ...returns.map((r) => r.actorId)],
  };
}

const link = (tm: Model) => `/threat-models/${tm.id}`;

/** Tells those who approve threat models for the team's organisation that one awaits them. */
export async function noticeSubmitted(tx: Tx, submitter: Person, tm: Model, auditId: bigint) {
  const { names } = await people(tx, tm);
  await notify(tx, {
    kind: "THREAT_MODEL_SUBMITTED",
    userIds: except(submitter.id, await holdersOf(tx, "threatmodel.approve", tm.team.orgId)),
    ...threatModelSubmitted({ ...names, submitter: submitter.name }),
    link: link(tm),
    eventKey: `threat-model:${tm.id}:submitted:${auditId}`,
  });
}

/** Tells the authors the model came back to them, with the reviewer's comment. */
export async function noticeSentBack(
  tx: Tx,
  reviewer: Person,
  tm: Model,
  comment: string | null,
  auditId: bigint,
) {
  const { names, authors } = await people(tx, tm);
  await notify(tx, {
    kind: "THREAT_MODEL_SENT_BACK",
    userIds: except(reviewer.id, authors),
    ...threatModelSentBack({ ...names, reviewer: reviewer.name, comment }),
    link: link(tm),
    eventKey: `threat-model:${tm.id}:sent-back:${auditId}`,
  });
}

/** Tells the authors and the other reviewers that the model is approved (once: it is final). */
export async function noticeApproved(tx: Tx, approver: Person, tm: Model, comment: string | null) {
  const { names, authors, reviewers } = await people(tx, tm);
  await notify(tx, {
    kind: "THREAT_MODEL_APPROVED",
    userIds: except(approver.id, [...authors, ...reviewers]),
    ...threatModelApproved({ ...names, reviewer: approver.name, comment }),
    link: link(tm),
    eventKey: `threat-model:${tm.id}:approved`,
  });
}
