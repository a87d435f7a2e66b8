import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContactForm } from "@/components/support/ContactForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { contactAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("support");
  return { title: t("contactTitle") };
}

/** The platform's contact point, for users and authorities (DSA art. 11 and 12). */
export default async function ContactPage({ searchParams }: { searchParams: PageSearchParams }) {
  const [t, actor, params] = await Promise.all([getTranslations("support"), currentActor(), searchParams.then(searchParamsOf)]);
  const topic = params.topic;
  return (
    <>
      <PageHeading title={t("contactTitle")} lead={t("contactLead")} />
      <ContactForm action={contactAction} signedInEmail={actor?.email ?? null} initialTopic={topic === "authority" ? "authority" : undefined} />
    </>
  );
}
