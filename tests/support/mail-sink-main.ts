// Starts the mail sink for the browser tests (playwright.config.ts): SMTP on E2E_SMTP_PORT
// (default 2525), its HTTP reader on E2E_MAIL_PORT (default 3191). Stops on SIGTERM or SIGINT.
import { startMailSink } from "./mail-sink";

const sink = await startMailSink({
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2525),
  httpPort: Number(process.env.E2E_MAIL_PORT ?? 3191),
});
console.log(`[mail-sink] SMTP on ${sink.smtpPort}, messages on http://127.0.0.1:${sink.httpPort}`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
