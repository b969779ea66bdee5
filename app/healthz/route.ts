import { connection } from "next/server";
import { healthResponse } from "@/lib/server/health";

// For load balancers: 200 when the database answers, 503 otherwise, always within 2 s.
export async function GET() {
  await connection();
  return healthResponse();
}
