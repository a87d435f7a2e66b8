"use client";

import { useFileCheck } from "@/components/ui/useFileSizeCheck";

interface Limits {
  maxFiles: number;
  maxBytesEach: number;
  maxBytesTotal: number;
}

/** Refuses too many or too big files (field `files`) before they are sent, with the server's messages; their types are read there. */
export function useFilesCheck(limits: Limits) {
  return useFileCheck("files", (files) => {
    if (files.length > limits.maxFiles) return "attachmentTooMany";
    if (files.some((file) => file.size > limits.maxBytesEach)) return "attachmentEachTooLarge";
    if (files.reduce((total, file) => total + file.size, 0) > limits.maxBytesTotal) return "attachmentsTooLarge";
    return null;
  });
}
