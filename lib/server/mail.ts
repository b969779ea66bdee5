import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

// SMTP settings come from the environment, checked once; email is optional for the app.
const smtpSchema = z.object({
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("Guardians <guardians@localhost>"),
  // "true": TLS from the start (port 465); "starttls" (default): upgrade when offered; "false":
  // plain (test servers only).
  SMTP_TLS: z.enum(["true", "starttls", "false"]).default("starttls"),
});

export type Mailer = {
  from: string;
  close?: () => void;
  send: (message: {
    to: string;
    subject: string;
    html: string;
    text: string;
    /** Extra headers (List-Unsubscribe, …). */
    headers?: Record<string, string>;
    /** A fixed Message-ID ("<…@…>"): a resend after a crash is recognisable as the same email. */
    messageId?: string;
  }) => Promise<{ messageId: string }>;
};

export function mailerFromEnv(
  env: Record<string, string | undefined> = process.env,
  opts: { pool?: number } = {},
): Mailer | null {
  if (!env.SMTP_HOST) return null;
  const cfg = smtpSchema.parse(env);
  const transport: Transporter = nodemailer.createTransport({
    host: cfg.SMTP_HOST,
    port: cfg.SMTP_PORT,
    secure: cfg.SMTP_TLS === "true",
    ignoreTLS: cfg.SMTP_TLS === "false",
    auth: cfg.SMTP_USER ? { user: cfg.SMTP_USER, pass: cfg.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    // The job worker's mailer sends digests by the thousand: it reuses its connections.
    ...(opts.pool ? { pool: true, maxConnections: opts.pool } : {}),
  });
  return {
    from: cfg.SMTP_FROM,
    close: () => transport.close(),
    send: async (m) => {
      const info = await transport.sendMail({ from: cfg.SMTP_FROM, ...m });
      return { messageId: info.messageId };
    },
  };
}
