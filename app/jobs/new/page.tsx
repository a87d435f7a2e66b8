import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { createJobDraftAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobWizard"))("newTitle") };
}

/** `?kind=…&software=…&users=…` (the savings estimate's "Post this need") pre-fills the draft. */
const PREFILL = ["kind", "software", "users"] as const;

export default async function NewJobPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = searchParamsOf(await searchParams);
  const prefill = Object.fromEntries(PREFILL.flatMap((name) => (params[name] ? [[name, params[name]]] : [])));
  const actor = await currentActor();
  if (!actor) {
    const query = new URLSearchParams(prefill).toString();
    redirect(`/signin?callbackUrl=${encodeURIComponent(query ? `/jobs/new?${query}` : "/jobs/new")}`);
  }
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
      <SimpleActionForm label={t("start")} hidden={prefill} action={createJobDraftAction} />
    </div>
  );
}
