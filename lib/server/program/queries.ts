import "server-only";
import { db } from "@/lib/db/client";

export async function getProgram() {
  return db.program.findUnique({
    where: { id: 1 },
    select: { name: true, vision: true, mission: true, updatedAt: true },
  });
}
