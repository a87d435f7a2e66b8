import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicReviews } from "@/lib/reviews/queries";
import { ReportLink } from "@/components/moderation/ReportLink";
import { RatingStars } from "./RatingStars";

/**
 * "Avis des clients" on an expert's public profile: the average and number of the clients'
 * reviews, then the latest comments, each signed with the first word of the organisation's
 * name and the month it was written.
 */
export async function ExpertReviews({ reviews, reportFrom }: { reviews: PublicReviews; reportFrom: string }) {
  const [t, format] = await Promise.all([getTranslations("reviews"), getFormatter()]);
  return (
    <section aria-labelledby="expert-reviews" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="expert-reviews" className="text-xl font-semibold text-stone-900">
        {t("publicTitle")}
      </h2>
      {reviews.average === null || reviews.count === 0 ? (
        <p className="mt-3 text-stone-700">{t("publicEmpty")}</p>
      ) : (
        <>
          <p className="mt-3 text-stone-900">
            <RatingStars
              value={reviews.average}
              label={t("publicAverage", { average: format.number(reviews.average, { maximumFractionDigits: 1 }), count: reviews.count })}
            />
          </p>
          <p className="mt-2 text-sm text-stone-600">{t("publicNote")}</p>
          {reviews.latest.length > 0 ? (
            <>
              <h3 className="mt-6 font-semibold text-stone-900">{t("publicLatest")}</h3>
              <ul className="mt-3 flex flex-col gap-4">
                {reviews.latest.map((review) => (
                  <li key={review.id} className="border-l-4 border-stone-200 pl-4">
                    <figure className="flex flex-col gap-1">
                      <p className="text-sm">
                        <RatingStars value={review.rating} label={t("ratingValue", { value: review.rating })} />
                      </p>
                      <blockquote className="whitespace-pre-line text-stone-900">{review.comment}</blockquote>
                      <figcaption className="text-sm text-stone-700">
                        {t("publicSignature", {
                          organization: review.organization,
                          date: format.dateTime(review.createdAt, { month: "long", year: "numeric" }),
                        })}
                      </figcaption>
                    </figure>
                    <ReportLink type="review" id={review.id} from={reportFrom} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
