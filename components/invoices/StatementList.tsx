import { getTranslations } from "next-intl/server";

/** The expert's yearly statements (art. 242 bis du CGI): one PDF per past year with activity, and the copy of the DAC7 declaration. */
export async function StatementList({ years }: { years: number[] }) {
  const t = await getTranslations("invoices");
  return (
    <section aria-labelledby="yearly-statements" className="flex max-w-3xl flex-col gap-3">
      <h2 id="yearly-statements" className="text-xl font-semibold">
        {t("statementsHeading")}
      </h2>
      <p className="text-stone-800">{t("statementsLead")}</p>
      {years.length === 0 ? (
        <p className="text-stone-700">{t("noStatements")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {years.map((year) => (
            <li key={year}>
              <a href={`/invoices/statement/${year}`} download className="font-semibold underline">
                {t("statementLink", { year: String(year) })}
              </a>
              {" · "}
              <a href={`/expert/dac7/${year}`} className="underline">
                {t("dac7CopyLink", { year: String(year) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
