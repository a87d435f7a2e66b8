import { getFormatter, getTranslations } from "next-intl/server";
import type { RetainerTicket } from "@/db/schema";
import { isBreached } from "@/lib/tickets/due";

/** Where a ticket's first-response target stands: met, missed (in words, not colour alone), or due at a time. */
export async function TicketTarget({ ticket }: { ticket: RetainerTicket }) {
  const [t, format] = await Promise.all([getTranslations("tickets"), getFormatter()]);
  const due = format.dateTime(ticket.responseDueAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  if (isBreached(ticket)) return <span className="font-semibold text-red-800">{t("targetBreachedDue", { due })}</span>;
  if (ticket.firstResponseAt) return <span className="text-green-900">{t("targetMet")}</span>;
  return <span>{t("targetDue", { due })}</span>;
}
