// threat_models.csv and threats.csv.
import { z } from "zod";
import {
  MITIGATION_STATUS,
  SEVERITY,
  STRIDE_CATEGORY,
  STRIDE_LETTERS,
  THREAT_MODEL_STATUS,
} from "@/lib/vocabulary";
import { ref, refs, type FileSpec } from "./spec";
import {
  day,
  emailList,
  enumCell,
  enumCellOr,
  enumToCsv,
  keyText,
  optionalDay,
  optionalText,
  requiredText,
  text,
} from "./values";

const threatModelRow = z
  .object({
    threat_model_id: keyText("threat model ID"),
    team: keyText("team"),
    system: requiredText("system", 200),
    author_emails: emailList(),
    status: enumCellOr(THREAT_MODEL_STATUS.values, "threat model status", "DRAFT"),
    created_on: day("created date"),
    approved_on: optionalDay(),
  })
  .superRefine((r, ctx) => {
    if (r.status === "APPROVED" && !r.approved_on)
      ctx.addIssue({
        code: "custom",
        path: ["approved_on"],
        message: "An approved threat model needs approved_on",
      });
    if (r.approved_on && r.approved_on < r.created_on)
      ctx.addIssue({
        code: "custom",
        path: ["approved_on"],
        message: "approved_on is before created_on",
      });
  });
export type ThreatModelRow = z.infer<typeof threatModelRow>;

export const threatModelsFile: FileSpec<ThreatModelRow> = {
  name: "threat_models.csv",
  columns: [
    "threat_model_id",
    "team",
    "system",
    "author_emails",
    "status",
    "created_on",
    "approved_on",
  ],
  required: ["threat_model_id", "team", "system", "status", "created_on"],
  keyColumn: "threat_model_id",
  keyName: "threat_model_id",
  schema: threatModelRow,
  key: (r) => r.threat_model_id,
  defines: "threatModel",
  refs: (r) => [...ref("team", "team", r.team), ...refs("author_emails", "user", r.author_emails)],
  format: (r) => ({
    threat_model_id: r.threat_model_id,
    team: r.team,
    system: r.system,
    author_emails: r.author_emails.join("; "),
    status: enumToCsv(r.status),
    created_on: r.created_on,
    approved_on: text(r.approved_on),
  }),
};

const threatRow = z.object({
  threat_id: keyText("threat ID"),
  threat_model_id: keyText("threat model ID"),
  category: enumCell(STRIDE_CATEGORY.values, "STRIDE category", STRIDE_LETTERS),
  severity: enumCell(SEVERITY.values, "severity"),
  mitigation: optionalText("mitigation", 4000),
  mitigation_status: enumCellOr(MITIGATION_STATUS.values, "mitigation status", "NONE"),
});
export type ThreatRow = z.infer<typeof threatRow>;

export const threatsFile: FileSpec<ThreatRow> = {
  name: "threats.csv",
  columns: [
    "threat_id",
    "threat_model_id",
    "category",
    "severity",
    "mitigation",
    "mitigation_status",
  ],
  required: ["threat_id", "threat_model_id", "category", "severity"],
  keyColumn: "threat_id",
  keyName: "threat_id",
  schema: threatRow,
  key: (r) => r.threat_id,
  refs: (r) => ref("threat_model_id", "threatModel", r.threat_model_id),
  format: (r) => ({
    threat_id: r.threat_id,
    threat_model_id: r.threat_model_id,
    category: enumToCsv(r.category),
    severity: enumToCsv(r.severity),
    mitigation: text(r.mitigation),
    mitigation_status: enumToCsv(r.mitigation_status),
  }),
};
