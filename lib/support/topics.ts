/** What a message to the platform can be about; `authority` is the point of contact for authorities. Shared with the browser. */
export const SUPPORT_TOPICS = ["question", "account", "billing", "authority", "other"] as const;
export type SupportTopicName = (typeof SUPPORT_TOPICS)[number];

/** Longest support message, in characters. */
export const SUPPORT_MESSAGE_MAX = 5000;
