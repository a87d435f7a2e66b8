import { z } from "zod";

/** Longest message, in characters, after trimming. */
export const MESSAGE_MAX_LENGTH = 5000;

/** A message as typed: plain text, trimmed, 1 to 5000 characters. Errors are `validation` keys. */
export const messageSchema = z.object({
  body: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(MESSAGE_MAX_LENGTH, { error: "tooLong" }),
});

export type MessageInput = z.input<typeof messageSchema>;
