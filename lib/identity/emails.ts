// The invitation and password-reset emails: subject, plain text and HTML (inline styles, every
// value escaped). Plain functions so the wording is tested without a mail server.
const escape = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

type LinkEmail = { subject: string; text: string; html: string };

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  ...["January", "February", "March", "April", "May", "June", "July", "August"],
  ...["September", "October", "November", "December"],
];
const two = (n: number) => String(n).padStart(2, "0");

/** "Tuesday 8 December 2026, 14:05 UTC": the expiry in words, the same on every machine. */
export function expiryText(at: Date): string {
  const day = `${DAYS[at.getUTCDay()]} ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
  return `${day}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())} UTC`;
}

const BODY =
  "font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:16px";
const BUTTON =
  "display:inline-block;background:#2559b8;color:#ffffff;padding:10px 16px;border-radius:6px;" +
  "text-decoration:none;font-weight:600";
const P = "margin:0 0 12px;line-height:1.5";
const SMALL = "margin:16px 0 0;color:#475569;font-size:13px;line-height:1.5";

function html(paragraphs: string[], button: string, url: string, footer: string[]): string {
  return [
    `<div style="${BODY}">`,
    ...paragraphs.map((p) => `<p style="${P}">${escape(p)}</p>`),
    `<p style="${P}"><a href="${escape(url)}" style="${BUTTON}">${escape(button)}</a></p>`,
    `<p style="${SMALL}">If the button does not work, open this address: ${escape(url)}</p>`,
    ...footer.map((p) => `<p style="${SMALL}">${escape(p)}</p>`),
    `</div>`,
  ].join("\n");
}

export function invitationEmail(m: {
  personName: string;
  inviterName: string;
  programName: string;
  url: string;
  expiresAt: Date;
}): LinkEmail {
  const intro = [
    `Hello ${m.personName},`,
    `${m.inviterName} has invited you to ${m.programName}. Choose a password to sign in.`,
  ];
  const footer = [
    `The link works once, until ${expiryText(m.expiresAt)}. After that, ask ${m.inviterName} for a new invitation.`,
    "If you did not expect this email, you can ignore it.",
  ];
  return {
    subject: `You are invited to ${m.programName}`,
    text: [...intro, `Set your password: ${m.url}`, ...footer].join("\n\n") + "\n",
    html: html(intro, "Set your password", m.url, footer),
  };
}

export function resetEmail(m: {
  personName: string;
  programName: string;
  url: string;
  expiresAt: Date;
}): LinkEmail {
  const intro = [
    `Hello ${m.personName},`,
    `Someone asked to reset the password of your ${m.programName} account. Choose a new password with this link.`,
  ];
  const footer = [
    `The link works once, until ${expiryText(m.expiresAt)}. You can ask for a new one on the sign-in page.`,
    "If you did not ask for it, ignore this email: your password stays as it is.",
  ];
  return {
    subject: `Reset your ${m.programName} password`,
    text: [...intro, `Choose a new password: ${m.url}`, ...footer].join("\n\n") + "\n",
    html: html(intro, "Choose a new password", m.url, footer),
  };
}
