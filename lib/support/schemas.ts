import { z } from "zod";
import { choice } from "@/lib/text/choice";
import { emailAddressField } from "@/lib/auth/sign-in-request";
import type { SupportTopic } from "@/db/schema";
import { SUPPORT_MESSAGE_MAX, SUPPORT_TOPICS, type SupportTopicName } from "./topics";

// The browser's list of topics is the database enum's, exactly.
const sameTopics: [SupportTopic, SupportTopicName] extends [SupportTopicName, SupportTopic] ? true : never = true;
void sameTopics;

const body = z.string({ error: "required" }).trim().min(10, { error: "supportMessageShort" }).max(SUPPORT_MESSAGE_MAX, { error: "tooLong" });

/** The contact form. Errors are `validation` keys. A signed-in person's name and email come from the account. */
export const contactSchema = z.object({
  name: z.string({ error: "required" }).trim().min(2, { error: "nameLength" }).max(120, { error: "tooLong" }),
  email: emailAddressField,
  topic: choice(SUPPORT_TOPICS, { error: "required" }),
  subject: z.string({ error: "required" }).trim().min(3, { error: "required" }).max(150, { error: "tooLong" }),
  body,
});

export const supportReplySchema = z.object({
  body: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(SUPPORT_MESSAGE_MAX, { error: "tooLong" }),
});

export type ContactInput = z.input<typeof contactSchema>;
