import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "How results are ordered": the terms' article on ranking (P2B regulation art. 5, Code de la consommation L. 111-7). */
export async function RankingLink() {
  const t = await getTranslations("legal");
  return (
    <Link href="/legal/terms#ranking" className="self-start text-sm underline">
      {t("rankingLink")}
    </Link>
  );
}
