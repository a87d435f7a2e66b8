import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoleChoiceForm } from "@/components/onboarding/RoleChoiceForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { chooseRoleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("title") };
}

export default async function OnboardingPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fonboarding");
  if (actor.role) redirect("/dashboard");
  const t = await getTranslations("onboarding");
  return (
    <div>
      <PageHeading title={t("title")} lead={t("lead")} />
      <RoleChoiceForm defaultName={actor.name ?? ""} action={chooseRoleAction} />
    </div>
  );
}
