import { headers } from "next/headers";
import { LOG_SLOT_HEADER, requestContext } from "./request-context";

/** Records the signed-in user of the current request for its log line, when our web server handles it. */
export async function noteUserId(userId: string): Promise<void> {
  try {
    const context = requestContext((await headers()).get(LOG_SLOT_HEADER));
    if (context) context.userId = userId;
  } catch {
    // Outside a request (a script, a test): nothing to note.
  }
}
