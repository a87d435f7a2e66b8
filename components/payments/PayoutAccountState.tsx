import { getTranslations } from "next-intl/server";

interface PayoutAccountStateProps {
  account: { payoutsEnabled: boolean; detailsSubmitted: boolean; requirementsDue: string[] } | null;
}

/**
 * The expert's payout account in words: not connected, details missing (Stripe's requirement
 * codes said plainly, the raw code when we have no words for it), being checked, or enabled.
 */
export async function PayoutAccountState({ account }: PayoutAccountStateProps) {
  const t = await getTranslations("payouts");
  const words = (code: string) => {
    const key = `requirement_${code.replace(/\.(day|month|year)$/, "").replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : code;
  };
  const missing = [...new Set((account?.requirementsDue ?? []).map(words))];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-stone-800">{t("why")}</p>
      {!account ? (
        <p className="font-semibold">{t("state_none")}</p>
      ) : account.payoutsEnabled ? (
        <p className="font-semibold text-green-900">{t("state_enabled")}</p>
      ) : missing.length > 0 ? (
        <div>
          <p className="font-semibold">{t("state_missing")}</p>
          <ul className="mt-2 list-disc pl-6 text-sm">
            {missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="font-semibold">{account.detailsSubmitted ? t("state_checking") : t("state_started")}</p>
      )}
    </div>
  );
}
