import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { createJobDraftAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobWizard"))("newTitle") };
}

export default async function NewJobPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fjobs%2Fnew");
  if (actor.role !== "client") redirect("/dashboard");
  const t = await getTranslations("jobWizard");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeading title={t("newTitle")} lead={t("newLead")} />
      <ol className="list-decimal space-y-1 pl-6 text-stone-800">
        {([1, 2, 3, 4, 5, 6] as const).map((step) => (
          <li key={step}>{t(`stepName_${step}`)}</li>
        ))}
      </ol>
      <SimpleActionForm label={t("start")} action={createJobDraftAction} />
    </div>
  );
}
