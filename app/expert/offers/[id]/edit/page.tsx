import type { Metadata } from "next";
import { BackLink } from "@/components/offers/BackLink";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { offerToFormValues } from "@/components/offers/offer-form-values";
import { OfferForm } from "@/components/offers/OfferForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listCatalog } from "@/lib/experts/queries";
import { getMyOffer } from "@/lib/offers/queries";
import { saveOfferAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offers"))("editTitle") };
}

export default async function EditOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/expert/offers/${id}/edit`)}`);
  if (actor.role !== "expert") redirect("/dashboard");
  const [offer, catalog, t, locale] = await Promise.all([getMyOffer(actor, id), listCatalog(), getTranslations("offers"), getLocale()]);
  if (!offer) notFound();
  return (
    <div className="flex flex-col gap-6">
      <BackLink href="/expert/offers" label={t("backToMine")} />
      <PageHeading title={t("editTitle")} lead={offer.title} />
      <OfferForm action={saveOfferAction} catalog={catalog} offerId={offer.id} initial={offerToFormValues(offer, locale)} />
    </div>
  );
}
