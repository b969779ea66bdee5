import { describe, expect, it } from "vitest";
import {
  chatPayload,
  escapeSlack,
  escapeTeams,
  slackPayload,
  teamsPayload,
} from "@/lib/notifications/chat-messages";

const belt = {
  title: "Ada Lovelace earned the Green belt",
  text: "Payments Core now has a Green-belt guardian.",
  url: "https://guardians.example.com/belts?person=12",
};

describe("Slack Block Kit messages", () => {
  it("puts the title in bold over the text, and links back to the app", () => {
    expect(slackPayload(belt)).toEqual({
      text: "Ada Lovelace earned the Green belt: Payments Core now has a Green-belt guardian.",
      blocks: [
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*Ada Lovelace earned the Green belt*\nPayments Core now has a Green-belt guardian.",
          },
        },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: "<https://guardians.example.com/belts?person=12|Open in Guardians>",
            },
          ],
        },
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("turns Slack's control characters into entities, so no name mentions or links", () => {
    expect(escapeSlack("A & B <!channel> <@U123> <https://evil.test|click>")).toBe(
      "A &amp; B &lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.test|click&gt;",
    );
    const m = slackPayload({ title: "<!here> Team <b>", text: "R&D > QA", url: belt.url });
    expect(m.text).toBe("&lt;!here&gt; Team &lt;b&gt;: R&amp;D &gt; QA");
    const section = m.blocks[0] as { text: { text: string } };
    expect(section.text.text).toBe("*&lt;!here&gt; Team &lt;b&gt;*\nR&amp;D &gt; QA");
    expect(JSON.stringify(m)).not.toMatch(/<!here>|<b>/);
  });

  it("keeps the link inside its brackets whatever the address holds", () => {
    const m = slackPayload({ ...belt, url: "https://g.example/a b?x=<y>|z" });
    const context = m.blocks[1] as { elements: { text: string }[] };
    expect(context.elements[0].text).toBe(
      "<https://g.example/a%20b?x=%3Cy%3E%7Cz|Open in Guardians>",
    );
    expect(() => slackPayload({ ...belt, url: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => slackPayload({ ...belt, url: "/belts" })).toThrow();
  });

  it("leaves the text line out when there is none, and clips long text", () => {
    const bare = slackPayload({ title: "Test", text: "", url: belt.url });
    expect(bare.text).toBe("Test");
    expect((bare.blocks[0] as { text: { text: string } }).text.text).toBe("*Test*");
    const long = slackPayload({ title: "T".repeat(400), text: "x".repeat(5_000), url: belt.url });
    const section = (long.blocks[0] as { text: { text: string } }).text.text;
    expect(section.length).toBeLessThanOrEqual(3_000);
    expect(section.endsWith("…")).toBe(true);
  });
});

describe("Teams Adaptive Card messages", () => {
  it("wraps one Adaptive Card 1.4 in a message, with a button back to the app", () => {
    expect(teamsPayload(belt)).toEqual({
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              {
                type: "TextBlock",
                text: "Ada Lovelace earned the Green belt",
                weight: "Bolder",
                size: "Medium",
                wrap: true,
              },
              {
                type: "TextBlock",
                text: "Payments Core now has a Green-belt guardian.",
                wrap: true,
              },
            ],
            actions: [
              {
                type: "Action.OpenUrl",
                title: "Open in Guardians",
                url: "https://guardians.example.com/belts?person=12",
              },
            ],
          },
        },
      ],
    });
  });

  it("escapes brackets so a name cannot become a link, and keeps line breaks", () => {
    expect(escapeTeams("[Reset your password](https://evil.test) \\o/")).toBe(
      "\\[Reset your password\\](https://evil.test) \\\\o/",
    );
    expect(escapeTeams("one\ntwo\r\nthree")).toBe("one\n\ntwo\n\nthree");
    const card = teamsPayload({ title: "[x](https://evil.test)", text: "", url: belt.url });
    expect(card.attachments[0].content.body).toEqual([
      expect.objectContaining({ text: "\\[x\\](https://evil.test)" }),
    ]);
  });

  it("links only to http(s) addresses", () => {
    expect(() => teamsPayload({ ...belt, url: "data:text/html,hi" })).toThrow(/http/);
  });
});

describe("chatPayload", () => {
  it("picks the tool's format", () => {
    expect(chatPayload("SLACK", belt)).toEqual(slackPayload(belt));
    expect(chatPayload("TEAMS", belt)).toEqual(teamsPayload(belt));
  });
});
