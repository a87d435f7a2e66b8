import "server-only";
import type { Transaction } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { appUrl } from "@/lib/http/app-url";
import type { AppLocale } from "@/lib/i18n/locale";
import type { ModerationEvent } from "@/emails/ModerationEmail";

/** One moderation email; `key` makes it idempotent (one per report, statement or complaint event). */
export async function notifyModeration(
  tx: Transaction,
  to: string,
  locale: AppLocale,
  event: ModerationEvent,
  key: string,
  extra: { outcome?: string; note?: string; path?: string } = {},
) {
  await sendEmail(tx, {
    template: "moderation-event",
    to,
    idempotencyKey: `moderation:${event}:${key}`,
    props: { locale, event, outcome: extra.outcome ?? null, note: extra.note ?? null, url: extra.path ? appUrl(extra.path) : null },
  });
}
