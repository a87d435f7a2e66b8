import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { JobKind } from "@/db/schema";
import type { ComparedBid } from "@/lib/bids/comparison";
import type { AppLocale } from "@/lib/i18n/locale";
import { RetainerComparison } from "@/components/retainers/RetainerComparison";
import { Alert } from "@/components/ui/Alert";
import { KindTermsTable } from "./KindTermsTable";
import { trainingTermRows } from "./training-term-rows";

/**
 * The block of terms specific to the job's kind (`KindTerms`), side by side for every bid: a
 * training's terms, a monthly support need's service level; nothing for a kind without its own
 * terms (an installation). A new kind adds its case here with its own rows (see `trainingTermRows`).
 */
export async function KindTermsComparison({ kind, bids, qualiopiWanted }: { kind: JobKind | null; bids: ComparedBid[]; qualiopiWanted?: boolean }) {
  if (bids.length === 0) return null;
  const [t, format, locale] = await Promise.all([getTranslations("bids"), getFormatter(), getLocale() as Promise<AppLocale>]);
  switch (kind) {
    case "training": {
      const tr = await getTranslations("training");
      return (
        <div className="flex flex-col gap-3">
          {qualiopiWanted ? <Alert tone="info">{t("trainingQualiopiWanted")}</Alert> : null}
          <KindTermsTable caption={t("trainingCompareCaption")} termHeader={t("trainingCompareTerm")} bids={bids} rows={trainingTermRows(bids, t, tr, format, locale)} />
        </div>
      );
    }
    case "support_monthly":
      return <RetainerComparison bids={bids} />;
    default:
      return null;
  }
}
