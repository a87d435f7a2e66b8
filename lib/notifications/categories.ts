/**
 * What people are notified about, grouped as they choose it on /notifications/settings. Every
 * email template names its category (lib/email/templates.tsx). Sign-in links, security and money
 * emails cannot be turned off: `locked` says why, in the settings page's words.
 */
export const NOTIFICATION_CATEGORIES = ["bids", "contracts", "messages", "reviews", "support", "profile", "security", "money"] as const;

export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Categories whose email is always sent, with the reason's message key (notifications.locked.*). */
export const LOCKED_CATEGORIES: Partial<Record<NotificationCategory, "security" | "money">> = {
  security: "security",
  money: "money",
};

export function isLocked(category: NotificationCategory): boolean {
  return category in LOCKED_CATEGORIES;
}

export function isNotificationCategory(value: string): value is NotificationCategory {
  return (NOTIFICATION_CATEGORIES as readonly string[]).includes(value);
}
