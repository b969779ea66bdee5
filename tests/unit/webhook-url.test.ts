import { describe, expect, it } from "vitest";
import {
  allowedTestHosts,
  WEBHOOK_URL_MESSAGES,
  webhookUrlHint,
  webhookUrlProblem,
} from "@/lib/notifications/webhook-url";
import { channelSchema } from "@/lib/validations/chat-channel";

const SLACK = "https://hooks.slack.com/services/T0123ABC/B0456DEF/abcDEF123ghiJKL456mnoAbC9";
const TEAMS_CONNECTOR =
  "https://contoso.webhook.office.com/webhookb2/1a2b3c4d-aaaa-bbbb-cccc-1234567890ab@9f8e7d6c-1111-2222-3333-444455556666/IncomingWebhook/0123456789abcdef/5555aaaa-6666-bbbb-7777-cccc8888dddd/V2xYz";
const TEAMS_LOGIC =
  "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx9YwVu8Ts7Rq6Po5Nm4Lk3Ji2Hg1Fe0Dc9Ba8Q";
const TEAMS_POWER_PLATFORM =
  "https://default0123456789abcdef.01.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc123/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=QwErTy";

describe("webhook URLs", () => {
  it("accepts each tool's own webhook addresses", () => {
    expect(webhookUrlProblem("SLACK", SLACK)).toBeNull();
    expect(webhookUrlProblem("TEAMS", TEAMS_CONNECTOR)).toBeNull();
    expect(webhookUrlProblem("TEAMS", TEAMS_LOGIC)).toBeNull();
    expect(webhookUrlProblem("TEAMS", TEAMS_POWER_PLATFORM)).toBeNull();
  });

  it.each([
    ["SLACK", "http://hooks.slack.com/services/T1/B1/x"], // not https
    ["SLACK", "https://hooks.slack.com:8443/services/T1/B1/x"],
    ["SLACK", "https://hooks.slack.com/workflows/T1/A1/1/x"],
    ["SLACK", "https://hooks.slack.com/services/T1/B1/x?redirect=http://10.0.0.1"],
    ["SLACK", "https://hooks.slack.com.evil.test/services/T1/B1/x"],
    ["SLACK", "https://evil.test/hooks.slack.com/services/T1/B1/x"],
    ["SLACK", "https://user:pw@hooks.slack.com/services/T1/B1/x"],
    ["SLACK", "https://hooks.slack.com/services/T1/B1/x y"],
    ["SLACK", "https://hooks.slack.com/services/T1/B1/x\n"],
    ["SLACK", "http://127.0.0.1:8080/services/T1/B1/x"],
    ["SLACK", "http://169.254.169.254/latest/meta-data"],
    ["SLACK", "hooks.slack.com/services/T1/B1/x"],
    ["SLACK", TEAMS_CONNECTOR],
    ["TEAMS", SLACK],
    ["TEAMS", "https://webhook.office.com/webhookb2/x"], // needs the tenant's subdomain
    ["TEAMS", "https://contoso.webhook.office.com.evil.test/webhookb2/x"],
    ["TEAMS", "http://contoso.webhook.office.com/webhookb2/x"],
    ["TEAMS", "https://contoso.webhook.office.com/"],
    ["TEAMS", "https://localhost/webhookb2/x"],
    ["TEAMS", "file:///etc/passwd"],
  ] as const)("refuses %s %s", (tool, url) => {
    expect(webhookUrlProblem(tool, url)).toBe(WEBHOOK_URL_MESSAGES[tool]);
  });

  it("refuses an address too long to be real", () => {
    expect(webhookUrlProblem("SLACK", `${SLACK}${"a".repeat(2_100)}`)).toMatch(/under 2048/);
  });

  it("lets the hosts named for tests through, on http too, and nothing else", () => {
    const hosts = allowedTestHosts(" 127.0.0.1 , LocalHost,,");
    expect(hosts).toEqual(["127.0.0.1", "localhost"]);
    expect(webhookUrlProblem("SLACK", "http://127.0.0.1:4567/services/T1/B1/x", hosts)).toBeNull();
    expect(webhookUrlProblem("TEAMS", "http://localhost:4567/teams/x", hosts)).toBeNull();
    expect(webhookUrlProblem("SLACK", "http://10.0.0.1/services/T1/B1/x", hosts)).not.toBeNull();
    expect(webhookUrlProblem("SLACK", "ftp://127.0.0.1/x", hosts)).not.toBeNull();
    expect(allowedTestHosts(undefined)).toEqual([]);
  });

  it("hints at a URL by its host and last four letters, never more", () => {
    expect(webhookUrlHint(SLACK)).toBe("hooks.slack.com/…/AbC9");
    expect(webhookUrlHint(TEAMS_CONNECTOR)).toBe("contoso.webhook.office.com/…/2xYz");
    expect(webhookUrlHint(TEAMS_LOGIC)).toBe("prod-12.westeurope.logic.azure.com/…/Ba8Q");
    expect(webhookUrlHint("http://127.0.0.1:4567/services/T1/B1/x-yz")).toBe(
      "127.0.0.1:4567/…/1xyz",
    );
  });
});

describe("the channel form's schema", () => {
  const form = (fields: Record<string, string>) =>
    channelSchema.safeParse({ orgId: "3", tool: "SLACK", ...fields });

  it("reads one checkbox per event, and a blank URL as 'keep the saved one'", () => {
    const parsed = form({ url: "", "event-BELT_AWARDED": "on", "event-COVERAGE_ALERT": "on" });
    expect(parsed.success && parsed.data).toEqual({
      orgId: 3,
      tool: "SLACK",
      url: "",
      events: ["BELT_AWARDED", "COVERAGE_ALERT"],
    });
  });

  it("refuses another tool's URL on the URL field, and unknown tools and orgs", () => {
    const wrong = form({ url: TEAMS_CONNECTOR });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues).toEqual([
      expect.objectContaining({ path: ["url"], message: WEBHOOK_URL_MESSAGES.SLACK }),
    ]);
    expect(form({ url: SLACK, tool: "DISCORD" }).success).toBe(false);
    expect(form({ url: SLACK, orgId: "0x1" }).success).toBe(false);
    expect(channelSchema.safeParse({ orgId: 1, tool: "SLACK", events: ["NOPE"] }).success).toBe(
      false,
    );
  });

  it("takes the allowed test hosts from CHAT_WEBHOOK_ALLOW_HOSTS", () => {
    const local = "http://127.0.0.1:9/services/T1/B1/x";
    const saved = process.env.CHAT_WEBHOOK_ALLOW_HOSTS;
    try {
      delete process.env.CHAT_WEBHOOK_ALLOW_HOSTS;
      expect(form({ url: local }).success).toBe(false);
      process.env.CHAT_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
      expect(form({ url: local }).success).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CHAT_WEBHOOK_ALLOW_HOSTS;
      else process.env.CHAT_WEBHOOK_ALLOW_HOSTS = saved;
    }
  });
});
