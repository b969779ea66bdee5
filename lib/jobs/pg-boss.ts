// pg-boss 10 is CommonJS with `export =` typings: one import of it for the app and the scripts.
import PgBossModule from "pg-boss";

export const PgBoss = PgBossModule;
export type PgBoss = PgBossModule;
export type { default as PgBossTypes } from "pg-boss";
