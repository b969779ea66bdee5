// Who receives an organisation's newsletter: its leader (while their account is active) and the
// extra addresses set on the organisation, each once, compared without case.
export type RecipientSource = {
  leader: { email: string; deactivatedAt: Date | null } | null;
  newsletterRecipients: string[];
};

export function newsletterRecipients(org: RecipientSource): string[] {
  const leader = org.leader && !org.leader.deactivatedAt ? [org.leader.email] : [];
  return [
    ...new Set(
      [...leader, ...org.newsletterRecipients].map((e) => e.trim().toLowerCase()).filter(Boolean),
    ),
  ];
}

/** How many of the current recipients have not received the issue yet (what "Send" would reach). */
export function unreached(recipients: string[], sent: string[]): string[] {
  const done = new Set(sent.map((e) => e.toLowerCase()));
  return recipients.filter((e) => !done.has(e));
}
