import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import type { FormState } from "@/lib/actions/form-state";
import type { ContractReview, ContractReviews as Reviews } from "@/lib/reviews/queries";
import { RatingStars } from "./RatingStars";
import { ReviewForm } from "./ReviewForm";

type Side = "client" | "expert";

/** One review left on the contract: its rating, its comment, who wrote it and when. */
async function ReviewCard({ title, review }: { title: string; review: ContractReview }) {
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  const date = format.dateTime(review.createdAt, { dateStyle: "long" });
  return (
    <article className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm">
        <RatingStars value={review.rating} label={t("ratingValue", { value: review.rating })} />
      </p>
      {review.comment ? <p className="whitespace-pre-line text-stone-900">{review.comment}</p> : <p className="text-sm text-stone-700">{t("noComment")}</p>}
      <p className="text-sm text-stone-700">{review.authorName ? t("byOn", { name: review.authorName, date }) : t("onDate", { date })}</p>
    </article>
  );
}

/** What a party sees: its own side's review (or the form), then the other side's. */
async function PartyReviews({
  contractId,
  side,
  reviews,
  parties,
  action,
}: {
  contractId: string;
  side: Side;
  reviews: Reviews;
  parties: Record<Side, string>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = await getTranslations("reviews");
  const otherSide: Side = side === "client" ? "expert" : "client";
  const party = parties[otherSide];
  const mine = reviews.bySide[side];
  const theirs = reviews.bySide[otherSide];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {reviews.canReview ? (
        <ReviewForm contractId={contractId} side={side} party={party} action={action} />
      ) : mine ? (
        <div className="flex flex-col gap-2">
          <ReviewCard title={t(`mineTitle_${side}`, { party })} review={mine} />
          <p className="text-sm text-stone-700">{t("mineFinal")}</p>
        </div>
      ) : null}
      {theirs ? <ReviewCard title={t("theirsTitle", { party })} review={theirs} /> : <p className="text-stone-700">{t("pending", { party })}</p>}
    </div>
  );
}

/**
 * The reviews of a contract on its page: once it is completed, each side's review of the
 * other, or the form for the actor's side while it has not reviewed (admins only read).
 */
export async function ContractReviews({
  contractId,
  reviews,
  parties,
  done,
  action,
}: {
  contractId: string;
  reviews: Reviews;
  /** Display names: the client organisation and the expert. */
  parties: Record<Side, string>;
  /** Just reviewed (the page was reached from the form). */
  done: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = await getTranslations("reviews");
  const { side, status, bySide } = reviews;
  if (status === "cancelled" || (status !== "completed" && side === "admin")) return null;
  return (
    <section id="contract-reviews" aria-labelledby="contract-reviews-title" className="flex flex-col gap-3">
      <h2 id="contract-reviews-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {done && side !== "admin" && bySide[side] ? <Alert tone="success">{t("done")}</Alert> : null}
      {status !== "completed" ? (
        <p className="text-stone-700">{t("notYet")}</p>
      ) : side === "admin" ? (
        <div className="grid gap-4 md:grid-cols-2">
          {(["client", "expert"] as const).map((s) => {
            const review = bySide[s];
            const title = t(`adminTitle_${s}`, { party: parties[s] });
            return review ? (
              <ReviewCard key={s} title={title} review={review} />
            ) : (
              <p key={s} className="text-stone-700">
                {t("pending", { party: parties[s] })}
              </p>
            );
          })}
        </div>
      ) : (
        <PartyReviews contractId={contractId} side={side} reviews={reviews} parties={parties} action={action} />
      )}
    </section>
  );
}
