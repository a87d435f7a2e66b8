import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ContractStatus } from "@/db/schema";
import { formatMoney } from "@/lib/money/format";

interface MyContractsProps {
  contracts: { id: string; jobTitle: string; otherParty: string; status: ContractStatus; totalCents: number; createdAt: Date }[];
}

/** The actor's contracts, each with the other party, its state and its total (excluding VAT, and said so). */
export async function MyContracts({ contracts }: MyContractsProps) {
  const [t, c, prices, locale] = await Promise.all([getTranslations("dashboard"), getTranslations("contracts"), getTranslations("prices"), getLocale()]);
  return (
    <section aria-labelledby="my-contracts" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="my-contracts" className="text-xl font-semibold">
        {c("listHeading")}
      </h2>
      {contracts.length === 0 ? (
        <p className="mt-3 text-stone-700">{c("listEmpty")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {contracts.map((contract) => (
            <li key={contract.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <span>
                <Link href={`/contracts/${contract.id}`} className="font-semibold underline">
                  {contract.jobTitle}
                </Link>{" "}
                <span className="text-stone-700">{c("listWith", { party: contract.otherParty })}</span>
              </span>
              <span className="text-stone-700">
                {t(`contractStatus_${contract.status}`)} · {prices("exVat", { amount: formatMoney(contract.totalCents, locale) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
