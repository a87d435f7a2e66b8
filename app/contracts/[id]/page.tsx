import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContractDocumentsList } from "@/components/contracts/ContractDocumentsList";
import { ContractParties } from "@/components/contracts/ContractParties";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { loadContractPage } from "./load-contract";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("pageTitle") };
}

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await loadContractPage(id, `/contracts/${id}`);
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const { contract, milestones, side, money } = view;
  const euros = (cents: number) => format.number(cents / 100, { style: "currency", currency: "EUR" });
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  return (
    <div className="flex flex-col gap-8">
      <Link href="/dashboard" className="self-start underline">
        {t("backToDashboard")}
      </Link>
      <PageHeading title={t("heading", { job: contract.facts.job.title })} lead={t(`status_${contract.status}`)} />
      {contract.status === "awaiting_documents" ? (
        <Alert tone="warning">{t(contract.personalData ? "awaitingBothDocuments" : "awaitingNda")}</Alert>
      ) : null}
      {contract.status === "active" && contract.activatedAt ? (
        <Alert tone="success">{t("activeSince", { date: format.dateTime(contract.activatedAt, { dateStyle: "long" }) })}</Alert>
      ) : null}

      <ContractParties facts={contract.facts} expertSlug={view.expertSlug} />

      <section aria-labelledby="contract-money" className="flex flex-col gap-3">
        <h2 id="contract-money" className="text-xl font-semibold">
          {t("milestonesHeading")}
        </h2>
        <p>
          {t("period", { start: day(contract.facts.startOn), end: day(contract.facts.endOn) })} · {t("total", { total: euros(contract.totalCents) })}
          {money && side !== "client" ? ` · ${t("netForExpert", { net: euros(money.netCents), commission: euros(money.commissionCents) })}` : null}
        </p>
        <div className="overflow-x-auto">
          <table className="w-full min-w-lg border-collapse text-left text-sm">
            <caption className="sr-only">{t("milestonesHeading")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">{t("milestoneTitle")}</th>
                <th scope="col" className="py-2 pr-4">{t("milestoneDue")}</th>
                <th scope="col" className="py-2 pr-4 text-right">{t("milestoneAmount")}</th>
                <th scope="col" className="py-2">{t("milestoneStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.id} className="border-b border-stone-200">
                  <th scope="row" className="py-2 pr-4 font-medium">{m.title}</th>
                  <td className="py-2 pr-4">{day(m.dueOn)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{euros(m.amountCents)}</td>
                  <td className="py-2">{t(`milestone_${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <ContractDocumentsList view={view} />

      {side !== "admin" ? (
        <p>
          <Link href={`/jobs/${contract.jobId}/bids/${contract.bidId}`} className="underline">
            {t("openConversation")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
