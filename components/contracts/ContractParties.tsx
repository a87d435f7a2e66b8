import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ContractFacts } from "@/db/schema";

/** Who the contract binds: the client organisation (and who accepted the bid) and the expert. */
export async function ContractParties({ facts, expertSlug }: { facts: ContractFacts; expertSlug: string | null }) {
  const [t, legal] = await Promise.all([getTranslations("contracts"), getTranslations("directory")]);
  const row = (label: string, value: string | null) =>
    value ? (
      <>
        <dt className="font-semibold">{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  return (
    <section aria-labelledby="contract-parties" className="flex flex-col gap-3">
      <h2 id="contract-parties" className="text-xl font-semibold">
        {t("partiesHeading")}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="font-semibold">{t("clientParty")}</h3>
          <dl className="mt-2 grid grid-cols-[9rem_1fr] gap-1 text-sm">
            {row(t("name"), facts.client.legalName)}
            {row("SIREN", facts.client.siren)}
            {row(t("address"), facts.client.address)}
            {row(t("vatNumber"), facts.client.vatNumber)}
            {row(t("representative"), facts.client.representative)}
          </dl>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <h3 className="font-semibold">{t("expertParty")}</h3>
          <dl className="mt-2 grid grid-cols-[9rem_1fr] gap-1 text-sm">
            <dt className="font-semibold">{t("name")}</dt>
            <dd>{expertSlug ? <Link href={`/experts/${expertSlug}`} className="underline">{facts.expert.name}</Link> : facts.expert.name}</dd>
            {row(t("legalForm"), facts.expert.legalForm ? legal(`legalForm_${facts.expert.legalForm}` as never) : null)}
            {row("SIRET", facts.expert.siret)}
            {row(t("vatNumber"), facts.expert.vatNumber)}
          </dl>
        </div>
      </div>
    </section>
  );
}
