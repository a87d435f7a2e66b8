import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/onboarding/OrganizationForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyOrganization } from "@/lib/organizations/queries";
import { createOrganizationAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("orgTitle") };
}

export default async function OrganizationOnboardingPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fonboarding%2Forganization");
  if (!actor.role) redirect("/onboarding");
  if (actor.role !== "client" || (await getMyOrganization(actor))) redirect("/dashboard");
  const t = await getTranslations("onboarding");
  return (
    <div>
      <PageHeading title={t("orgTitle")} lead={t("orgLead")} />
      <OrganizationForm action={createOrganizationAction} />
    </div>
  );
}
