"use client";

import { useFileSizeCheck } from "@/components/ui/useFileSizeCheck";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";

/** Refuses an attachment over 25 MB before it is sent, with the server's message. */
export function useAttachmentCheck() {
  return useFileSizeCheck("file", MAX_ATTACHMENT_BYTES, "attachmentTooLarge");
}
