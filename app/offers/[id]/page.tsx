import type { Metadata } from "next";
import Link from "next/link";
import { LazyClientMessages } from "@/components/i18n/LazyClientMessages";
import { BackLink } from "@/components/offers/BackLink";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ReportLink } from "@/components/moderation/ReportLink";
import { OfferDetails } from "@/components/offers/OfferDetails";
import { OfferStatusBadge } from "@/components/offers/OfferStatusBadge";
import { ModerationReasonForm, OrderForm } from "@/components/offers/OfferPageForms";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { currentActor } from "@/lib/auth/current-actor";
import { isAdmin } from "@/lib/auth/policy";
import { notReadyText } from "@/lib/experts/readiness-text";
import { departementName } from "@/lib/geo/departements";
import type { AppLocale } from "@/lib/i18n/locale";
import { formatMoney } from "@/lib/money/format";
import { priceText } from "@/lib/money/price-text";
import { getOffer, offerExpertReadiness } from "@/lib/offers/queries";
import { orderOfferAction, removeOfferAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

/** One database read per request, shared by generateMetadata and the page. */
const loadOffer = cache(async (id: string) => getOffer(await currentActor(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await loadOffer((await params).id);
  if (!view) notFound();
  return { title: view.offer.title, description: view.offer.summary.slice(0, 160) };
}

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";
const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

export default async function OfferPage({ params }: Props) {
  const { id } = await params;
  const [view, actor, t, locale] = await Promise.all([loadOffer(id), currentActor(), getTranslations("offers"), getLocale()]);
  if (!view) notFound();
  const { offer, software, expert } = view;
  const price = priceText(view.price, locale as AppLocale);
  const orderable = offer.status === "published" && !view.own;
  const readiness = actor?.role === "client" && orderable ? await offerExpertReadiness(offer.expertUserId) : undefined;
  const places = [
    ...(offer.remote ? [{ value: "remote", label: t("remote") }] : []),
    ...offer.departements.map((code) => ({ value: code, label: `${code} · ${departementName(code) ?? code}` })),
  ];
  // Forms are for signed-in people: an anonymous visitor (the cached public page) gets no form
  // texts, nor their code or next-intl's (LazyClientMessages, OfferPageForms).
  return (
    <LazyClientMessages scope="/offers/[id]" when={actor !== null}>
      <div className="flex flex-col gap-8">
        <BackLink href="/offers" label={t("backToCatalogue")} />
        <header className="flex flex-col gap-3">
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">{offer.title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-stone-800">
            <span className="rounded-md bg-stone-100 px-2 py-0.5 text-sm">{software.name}</span>
            <span className="rounded-md bg-stone-100 px-2 py-0.5 text-sm">{t(`kind_${offer.kind}`)}</span>
            {offer.status !== "published" ? <OfferStatusBadge status={offer.status} /> : null}
          </p>
          <p>
            {t("byExpert")}{" "}
            <Link href={`/experts/${encodeURIComponent(expert.slug)}`} className={linkClass}>
              {expert.name}
            </Link>
          </p>
          {view.own ? (
            <p>
              <Link href={`/expert/offers/${offer.id}/edit`} className={linkClass}>
                {t("edit")}
              </Link>
            </p>
          ) : (
            <p>
              <ReportLink type="offer" id={offer.id} from={`/offers/${offer.id}`} />
            </p>
          )}
        </header>
        <OfferDetails offer={offer} price={price} />
        {orderable ? (
          <section aria-labelledby="offer-order" className={`${sectionClass} flex flex-col gap-4`}>
            <h2 id="offer-order" className="text-xl font-semibold text-stone-900">
              {t("orderTitle")}
            </h2>
            {actor?.role === "client" ? (
              <OrderForm
                offerId={offer.id}
                action={orderOfferAction}
                questions={offer.questions}
                extras={offer.extras.map((e) => ({ title: e.title, price: formatMoney(e.priceCents, locale) }))}
                places={places}
                vatRateBps={view.price.vatRateBps}
                notReady={readiness && !readiness.ready ? t("orderNotReady", { missing: notReadyText(readiness.missing, locale as AppLocale) }) : null}
              />
            ) : actor ? (
              <p className="text-stone-800">{t("orderClientsOnly")}</p>
            ) : (
              <p>
                <Link href={`/signin?callbackUrl=${encodeURIComponent(`/offers/${offer.id}`)}`} className={buttonClasses("primary")}>
                  {t("signInToOrder")}
                </Link>
              </p>
            )}
          </section>
        ) : null}
        {isAdmin(actor) && offer.status !== "removed" ? (
          <section aria-labelledby="offer-remove" className={`${sectionClass} flex flex-col gap-4`}>
            <h2 id="offer-remove" className="text-xl font-semibold text-stone-900">
              {t("removeTitle")}
            </h2>
            <ModerationReasonForm
              action={removeOfferAction}
              hidden={{ offerId: offer.id }}
              idPrefix="remove"
              labels={{ reason: t("removeReason"), hint: t("removeHint"), ground: t("removeGround"), groundPlaceholder: t("choose"), submit: t("removeSubmit") }}
              variant="danger"
            />
          </section>
        ) : null}
        {offer.status === "removed" && view.own ? <Alert tone="warning">{t("removedNote")}</Alert> : null}
      </div>
    </LazyClientMessages>
  );
}
