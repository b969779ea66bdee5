"use server";

import { formAction } from "@/lib/server/form-action";
import { retryJobSchema } from "@/lib/validations/jobs";
import { retryFailed } from "./admin";

export const retryJobAction = formAction(
  { name: "retryJob", permission: "jobs.manage", schema: retryJobSchema },
  async (actor, input) => {
    const n = await retryFailed(actor, input);
    // No refresh of the page: the job leaves the failed list at once, and its row (with this
    // answer beside the button) would go with it. The counts are current on the next load.
    return {
      status: "ok",
      message:
        n === 1
          ? "Queued again: it runs in a moment. Reload to see how it went."
          : `${n} jobs queued again. Reload to see how they went.`,
    };
  },
);
