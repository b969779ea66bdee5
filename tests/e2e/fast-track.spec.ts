import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

// The ownership fast track (docs/fast-track.md): a lead sets a policy for the demo guardian's
// team, the guardian approves low-risk reviews themselves, a security engineer spot-checks them:
// a pass stays approved; a fail sends the review back and suspends the guardian, until the lead
// lifts it (which also leaves the demo as it was for the next run).

const status = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

async function as(browser: Browser, email: string) {
  const page = await browser.newPage();
  await signIn(page, email);
  return page;
}

/** The guardian requests a review of their team and fast-tracks it; answers its URL. */
async function fastTrackNewReview(page: Page, service: string) {
  await page.goto("/reviews");
  const request = page.getByRole("form", { name: "Request a review" });
  await request.getByLabel("Team").fill("Ledger Core");
  await request.getByLabel("Service or feature").fill(service);
  await request.getByRole("button", { name: "Request review" }).click();
  await page.waitForURL(/\/reviews\/\d+$/);
  const form = page.getByRole("form", { name: "Fast-track this review" });
  await form.getByLabel("No new endpoint reachable from outside").selectOption("low-risk");
  await form.getByLabel("No change to authentication").selectOption("low-risk");
  await form.getByRole("button", { name: "Approve through the fast track" }).click();
  await form.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(status(page, "Review approved through the fast track")).toBeVisible();
  await expect(page.getByText(/completed \d+ \w+ \d{4} \(Approved\)/)).toBeVisible();
  return page.url();
}

/** The engineer finds the review in the queue and records the spot check. */
async function spotCheck(page: Page, service: string, outcome: "PASSED" | "FAILED") {
  await page.goto("/fast-track/spot-checks");
  await page.getByRole("link", { name: new RegExp(service) }).click();
  await page.waitForURL(/\/reviews\/\d+$/);
  const form = page.getByRole("form", { name: "Spot check" });
  await form.getByLabel("Outcome").selectOption(outcome);
  if (outcome === "FAILED") {
    await form.getByLabel("Note").fill("A new public webhook needs a full review");
    await form.getByLabel(/Suspend the guardian/).check();
    await form.getByRole("button", { name: "Record spot check" }).click();
    await form.getByRole("dialog").getByRole("button", { name: "Fail and send back" }).click();
  } else {
    await form.getByRole("button", { name: "Record spot check" }).click();
  }
}

test("a lead sets a fast track, a guardian approves low-risk reviews, an engineer spot-checks them (pass, and fail: sent back and suspended)", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // four people, three sign-ins, a dozen pages on a busy machine
  // The lead allows the fast track for the guardian's team.
  await signIn(page, DEMO.lead);
  await page.getByRole("link", { name: "Fast track" }).click();
  await expect(page.getByRole("heading", { name: "Fast track", level: 1 })).toBeVisible();
  const policy = page.getByRole("form", { name: "Policy for one team" });
  await policy.getByRole("combobox", { name: "Team" }).fill("Ledger Core");
  await policy.getByLabel("Lowest belt").selectOption("YELLOW");
  await policy.getByLabel("Spot-check share (%)").fill("100");
  await policy
    .getByLabel("Low-risk checklist")
    .fill(
      "No new endpoint reachable from outside the company\nNo change to authentication or authorisation",
    );
  await policy.getByRole("button", { name: "Save policy" }).click();
  await expect(status(page, /Fast-track policy saved|Policy updated/)).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Fast-track policies" }).getByText("Team Ledger Core"),
  ).toBeVisible();

  // The guardian fast-tracks two reviews (each drawn: the share is 100 %).
  const guardian = await as(browser, DEMO.guardian);
  const stamp = Date.now();
  const kept = `Fast-tracked banner ${stamp}`;
  const sentBack = `Fast-tracked webhook ${stamp}`;
  await fastTrackNewReview(guardian, kept);
  const sentBackUrl = await fastTrackNewReview(guardian, sentBack);
  await expect(guardian.getByText("Waiting for a security engineer's spot check.")).toBeVisible();

  // The engineer passes one and fails the other, suspending the guardian.
  const engineer = await as(browser, DEMO.engineer);
  await spotCheck(engineer, kept, "PASSED");
  await expect(status(engineer, "Spot check passed.")).toBeVisible();
  await expect(engineer.getByText(/Spot check passed by Sam AppSec/)).toBeVisible();
  await spotCheck(engineer, sentBack, "FAILED");
  await expect(
    status(engineer, /back in the queue and the guardian's fast track is suspended/),
  ).toBeVisible();
  await expect(engineer.getByText(/The review went back to the queue/)).toBeVisible();
  await expect(engineer.getByRole("form", { name: "Start the review" })).toBeVisible();
  await engineer.close();

  // Sent back: no longer completed; and the suspended guardian cannot fast-track a new review.
  await guardian.goto(sentBackUrl);
  await expect(guardian.getByText(/completed \d+ \w+ \d{4}/)).toHaveCount(0);
  await guardian.goto("/reviews");
  const request = guardian.getByRole("form", { name: "Request a review" });
  await request.getByLabel("Team").fill("Ledger Core");
  await request.getByLabel("Service or feature").fill(`After suspension ${stamp}`);
  await request.getByRole("button", { name: "Request review" }).click();
  await guardian.waitForURL(/\/reviews\/\d+$/);
  await expect(
    guardian.getByText("Your fast track is suspended after a failed spot check."),
  ).toBeVisible();
  await guardian.close();

  // The dashboards show the group; the lead lifts the suspension.
  await page.goto("/dashboard/reviews");
  await expect(page.getByText("Fast-tracked reviews and spot checks").first()).toBeVisible();
  await page.goto("/fast-track");
  const suspended = page.getByRole("table", { name: "Suspended fast tracks" });
  await expect(suspended.getByText("Gina Guardian")).toBeVisible();
  const lift = page.getByRole("form", { name: "Lift Gina Guardian's suspension" });
  await lift.getByRole("button", { name: "Lift" }).click();
  await lift.getByRole("dialog").getByRole("button", { name: "Lift the suspension" }).click();
  await expect(status(page, "Suspension lifted.")).toBeVisible();

  // Another organisation's leader sees neither the policy page nor the review.
  const other = await as(browser, DEMO.leader2);
  await other.goto(sentBackUrl);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  const response = await other.goto("/fast-track");
  expect(response?.status()).toBe(403);
  await other.close();
});
