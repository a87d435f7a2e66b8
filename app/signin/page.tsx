import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { requestSignInLinkAction } from "./actions";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: PageSearchParams }) {
  const [{ callbackUrl }, t, actor] = await Promise.all([searchParams.then(searchParamsOf), getTranslations("auth"), currentActor()]);
  if (actor) redirect("/dashboard");
  return (
    <div>
      <PageHeading title={t("signInTitle")} lead={t("signInLead")} />
      <SignInForm action={requestSignInLinkAction} callbackUrl={callbackUrl} />
    </div>
  );
}
