// program.json's rows for what the tool imports keep: older backups (without the fields) read
// as null, tool ids are kept exactly, and an id without its tool is refused by name.
import { describe, expect, it } from "vitest";
import { parseBackupFiles } from "@/lib/transfer/backup/parse";
import { BACKUP_FILE, BACKUP_FORMAT, BACKUP_VERSION } from "@/lib/transfer/backup/schema";

const parse = (sections: object) =>
  parseBackupFiles([
    {
      name: BACKUP_FILE,
      content: JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...sections }),
    },
  ]);

const link = {
  review: "REV-1",
  issueKey: "SEC-1",
  issueUrl: "https://jira.example.test/browse/SEC-1",
  createdAt: "2026-03-02T09:00:00Z",
  comments: [
    {
      eventKey: "requested",
      body: "Review requested.",
      status: "PENDING",
      attempts: 0,
      createdAt: "2026-03-02T09:00:00.000Z",
    },
  ],
};

describe("backup rows of the tool imports", () => {
  it("reads a backup made before the tool fields: they are null", () => {
    const { sections, errors } = parse({
      findings: [{ key: "F-1", title: "XSS" }],
      threats: [{ key: "T-1", title: null }],
    });
    expect(errors).toEqual([]);
    expect(sections.findings).toEqual([
      { key: "F-1", title: "XSS", externalSource: null, externalId: null },
    ]);
    expect(sections.threats).toEqual([
      { key: "T-1", title: null, description: null, externalId: null },
    ]);
    expect(sections.jiraLinks).toEqual([]);
    expect(sections.jiraDeliveries).toEqual([]);
  });

  it("keeps tool ids exactly and canonicalises Jira instants", () => {
    const { sections, errors } = parse({
      threatModels: [{ key: "TM-1", externalSource: "otm", externalId: " id with spaces " }],
      jiraLinks: [link],
      jiraDeliveries: [{ deliveryId: "d-1", receivedAt: "2026-03-02T09:00:00+01:00" }],
    });
    expect(errors).toEqual([]);
    expect(sections.threatModels![0].externalId).toBe(" id with spaces ");
    expect(sections.jiraLinks![0].comments[0]).toEqual({
      ...link.comments[0],
      createdAt: "2026-03-02T09:00:00Z",
      lastError: null,
      sentAt: null,
    });
    expect(sections.jiraDeliveries).toEqual([
      { deliveryId: "d-1", receivedAt: "2026-03-02T08:00:00Z", review: null },
    ]);
  });

  it("refuses an id without its tool, an empty id and a bad delivery state, by position", () => {
    const { sections, errors } = parse({
      findings: [{ key: "F-1", title: null, externalSource: null, externalId: "x" }],
      threats: [{ key: "T-1", title: null, externalId: "" }],
      jiraLinks: [{ ...link, comments: [{ ...link.comments[0], attempts: -1 }] }],
    });
    expect(sections).toEqual({});
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ["findings[0].externalSource", "An externalId needs its externalSource"],
      ["threats[0].externalId", "Give the external ID"],
      ["jiraLinks[0].comments[0].attempts", "Cannot be negative"],
    ]);
  });
});
