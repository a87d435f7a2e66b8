import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { TrainingView } from "@/lib/training/attendees";

const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

/**
 * A training contract's sessions (with the payment state of each), its attendees and its
 * documents: the agreement, an attendance sheet per session, a certificate per attendee once
 * every session was delivered. The client's forms come in as slots.
 */
export async function TrainingPanel({ contractId, view, addForm, removeForm }: { contractId: string; view: TrainingView; addForm: ReactNode; removeForm: (attendeeId: string, name: string) => ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("training"), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "full" });
  const pdf = (query: string, lang: "fr" | "en") => `/contracts/${contractId}/training/pdf?${query}${lang === "en" ? "&lang=en" : ""}`;
  const delivered = view.sessions.every((s) => ["delivered", "released", "split"].includes(s.milestoneStatus));
  const both = (query: string, label: string) => (
    <>
      <a href={pdf(query, "fr")} className={linkClass} download>
        {label} (PDF, {t("french")})
      </a>
      {" · "}
      <a href={pdf(query, "en")} className={linkClass} download hrefLang="en" aria-label={`${label} (PDF, ${t("english")})`}>
        {t("english")}
      </a>
    </>
  );
  return (
    <section aria-labelledby="training" className="flex flex-col gap-4 rounded-lg border border-brand-100 bg-white p-6">
      <h2 id="training" className="text-xl font-semibold">
        {t("contractHeading")}
      </h2>
      <p>{both("doc=agreement", t("agreement"))}</p>
      <h3 className="font-semibold">{t("sessions")}</h3>
      <ol className="flex list-decimal flex-col gap-1 pl-6">
        {view.sessions.map((s) => (
          <li key={s.id}>
            {day(s.date)} — {t(`slot_${s.slot}`)} ({t(`sessionState_${s.milestoneStatus}` as "sessionState_pending")}) · {both(`doc=attendance&session=${s.id}`, t("attendanceSheet"))}
          </li>
        ))}
      </ol>
      <h3 className="font-semibold">{t("attendeesHeading", { count: view.attendees.length, places: view.training.attendeesCount })}</h3>
      {view.attendees.length === 0 ? <p className="text-sm text-stone-700">{t("noAttendees")}</p> : null}
      <ul className="flex flex-col gap-2">
        {view.attendees.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span>
              {a.fullName} &lt;{a.email}&gt;
            </span>
            {delivered ? both(`doc=certificate&attendee=${a.id}`, t("certificate")) : null}
            {view.side === "client" ? removeForm(a.id, a.fullName) : null}
          </li>
        ))}
      </ul>
      {!delivered && view.attendees.length > 0 ? <p className="text-sm text-stone-700">{t("certificatesLater")}</p> : null}
      {view.side === "client" && view.attendees.length < view.training.attendeesCount ? addForm : null}
    </section>
  );
}
