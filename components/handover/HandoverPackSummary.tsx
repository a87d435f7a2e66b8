import { getFormatter, getTranslations } from "next-intl/server";
import type { HandoverView } from "@/lib/handover/queries";

type Pack = NonNullable<HandoverView["pack"]>;

/** The delivered pack: its PDF (the client's language first), the diagram files, and what it says. */
export async function HandoverPackSummary({ contractId, pack, clientLocale, deliveredOn, expert }: { contractId: string; pack: Pack; clientLocale: "fr" | "en"; deliveredOn: string; expert: string }) {
  const [t, format] = await Promise.all([getTranslations("handover"), getFormatter()]);
  const other = clientLocale === "fr" ? "en" : "fr";
  const pdf = `/contracts/${contractId}/handover/pdf`;
  const fields = ["architecture", "backups", "restoreProcedure", "adminAccounts", "updateProcedure"] as const;
  return (
    <div className="flex flex-col gap-4">
      <p>{t("packDeliveredOn", { date: deliveredOn, name: expert })}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <a href={`${pdf}?lang=${clientLocale}`} className="font-semibold underline" download>
          {t("pdfLink", { language: t(`language_${clientLocale}`) })}
        </a>
        <a href={`${pdf}?lang=${other}`} className="underline" download>
          {t("pdfLink", { language: t(`language_${other}`) })}
        </a>
      </p>
      {pack.diagrams.length > 0 ? (
        <p>
          {t("diagramFiles")}{" "}
          {pack.diagrams.map((file) => (
            <a key={file.id} href={file.href} className="underline" download>
              {file.name}
            </a>
          ))}
        </p>
      ) : null}
      <dl className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4">
        {fields.map((field) => (
          <div key={field}>
            <dt className="font-semibold">{t(field)}</dt>
            <dd className="whitespace-pre-line break-words">{pack[field]}</dd>
          </div>
        ))}
        <div>
          <dt className="font-semibold">{t("lastRestoreTestOn")}</dt>
          <dd>{format.dateTime(new Date(`${pack.lastRestoreTestOn}T12:00:00Z`), { dateStyle: "long" })}</dd>
        </div>
      </dl>
    </div>
  );
}
