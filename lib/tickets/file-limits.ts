import type { FileLimits } from "@/lib/attachments/store";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";

/**
 * The files of a ticket as it is opened, or of one of its messages: up to 5, each up to 10 MB,
 * together no more than one request may carry (25 MB). Imports nothing that queries: the forms
 * check the same limits before sending.
 */
export const TICKET_FILE_LIMITS = {
  maxFiles: 5,
  maxBytesEach: 10 * 1024 * 1024,
  maxBytesTotal: MAX_ATTACHMENT_BYTES,
} as const satisfies FileLimits;
