import type { Metadata } from "next";
import { BackLink } from "@/components/offers/BackLink";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OfferForm } from "@/components/offers/OfferForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/experts/queries";
import { saveOfferAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("newTitle") };
}

export default async function NewOfferPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Foffers%2Fnew");
  if (actor.role !== "expert") redirect("/dashboard");
  const [catalog, t] = await Promise.all([listCatalog(), getTranslations("offers")]);
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/expert/offers" label={t("backToMine")} />
      <PageHeading title={t("newTitle")} lead={t("newLead")} />
      <OfferForm action={saveOfferAction} catalog={catalog} />
    </div>
  );
}
