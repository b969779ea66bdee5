// The 13 files of the spreadsheet format, in the order they are written (referenced first).
import { FILE_NAMES, type AnySpec, type FileName } from "./spec";
import { activitiesFile, completionsFile, coursesFile, feedbackFile } from "./spec-activity";
import { guardiansFile, orgsFile, peopleFile, teamsFile } from "./spec-people";
import { findingsFile, releasesFile, reviewsFile } from "./spec-reviews";
import { threatModelsFile, threatsFile } from "./spec-threats";

export const SPECS: Record<FileName, AnySpec> = {
  "orgs.csv": orgsFile,
  "teams.csv": teamsFile,
  "people.csv": peopleFile,
  "guardians.csv": guardiansFile,
  "reviews.csv": reviewsFile,
  "findings.csv": findingsFile,
  "releases.csv": releasesFile,
  "threat_models.csv": threatModelsFile,
  "threats.csv": threatsFile,
  "activities.csv": activitiesFile,
  "courses.csv": coursesFile,
  "completions.csv": completionsFile,
  "feedback.csv": feedbackFile,
};

export function specFor(name: string): AnySpec | null {
  // Own keys only: a file named "__proto__" or "constructor" is not a spec (the fuzz test found it).
  return Object.hasOwn(SPECS, name) ? (SPECS as Record<string, AnySpec>)[name] : null;
}

/** Whether `name` is one of the 13 files (the export route's file names). */
export function isExportFile(name: string): name is FileName {
  return (FILE_NAMES as readonly string[]).includes(name);
}
