import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { loadActor, type SessionActor } from "./actor";
import { authOptions } from "./options";

export { loadActor, type SessionActor };

export const getActor = cache(async (): Promise<SessionActor | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  return typeof id === "number" ? loadActor(id) : null;
});
