import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceList } from "@/components/experts/EvidenceList";
import { EvidenceUploadForm } from "@/components/experts/EvidenceUploadForm";
import { ProfileForm } from "@/components/experts/ProfileForm";
import { SubmitForVerificationForm } from "@/components/experts/SubmitForVerificationForm";
import { VerificationStatus } from "@/components/experts/VerificationStatus";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { TaxDetailsNotice } from "@/components/dac7/TaxDetailsNotice";
import { currentActor } from "@/lib/auth/current-actor";
import { profileToValues } from "@/lib/experts/form-values";
import { getMyExpertProfile, listCatalog } from "@/lib/experts/queries";
import { isEditable } from "@/lib/experts/verification-machine";
import { withPendingValues } from "@/lib/experts/profile-changes";
import { reviewedFields } from "@/lib/experts/reviewed-fields";
import { getMyTaxDetails } from "@/lib/dac7/tax-details";
import { PhotoForm } from "@/components/experts/PhotoForm";
import {
  deleteEvidenceAction,
  removePhotoAction,
  saveExpertProfileAction,
  submitProfileAction,
  uploadEvidenceAction,
  uploadPhotoAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("expertProfile"))("title") };
}

export default async function ExpertProfilePage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fexpert%2Fprofile");
  if (actor.role !== "expert") redirect("/dashboard");
  const [mine, catalog, t, format, taxDetails] = await Promise.all([getMyExpertProfile(actor), listCatalog(), getTranslations("expertProfile"), getFormatter(), getMyTaxDetails(actor)]);
  if (!mine) redirect("/dashboard");
  const { profile } = mine;
  const editable = isEditable(profile.status);
  const pending = mine.pendingChanges;
  const fieldName = (field: (typeof reviewedFields)[number]) => t(field);
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />
      {profile.status === "verified" ? (
        <p>
          <Link href={`/experts/${profile.slug}`} className="font-semibold underline">
            {t("seePublicPage")}
          </Link>{" "}
          ·{" "}
          <Link href="/expert/offers" className="font-semibold underline">
            {t("myOffers")}
          </Link>
        </p>
      ) : null}
      {pending ? (
        <Alert tone="info">
          {t("pendingChanges", {
            fields: format.list(reviewedFields.filter((f) => pending.changes[f]).map(fieldName), { type: "conjunction" }),
            date: format.dateTime(pending.since, { dateStyle: "long" }),
          })}
        </Alert>
      ) : null}
      <VerificationStatus
        status={profile.status}
        reason={profile.statusReason}
        missing={mine.missing}
        urssaf={mine.urssaf}
        submitForm={<SubmitForVerificationForm disabled={mine.missing.length > 0} action={submitProfileAction} />}
      />
      <TaxDetailsNotice mine={taxDetails} />
      {profile.status !== "rejected" && profile.status !== "suspended" ? (
        <section aria-labelledby="photo-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="photo-title" className="text-xl font-semibold">{t("photo")}</h2>
          <PhotoForm
            photoUrl={profile.photoKey ? `/api/experts/photo/${profile.id}?v=${profile.updatedAt.getTime()}` : null}
            action={uploadPhotoAction}
            removeAction={removePhotoAction}
          />
        </section>
      ) : null}
      <section aria-labelledby="evidence-title" className="flex flex-col gap-5 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="evidence-title" className="text-xl font-semibold">{t("evidence")}</h2>
        <p className="text-sm text-stone-700">{t("evidenceLead")}</p>
        <EvidenceList files={mine.evidence} canDelete={profile.status !== "submitted"} deleteAction={deleteEvidenceAction} />
        {profile.status !== "rejected" && profile.status !== "suspended" ? <EvidenceUploadForm action={uploadEvidenceAction} /> : null}
      </section>
      {editable ? (
        <ProfileForm
          // The form shows what the expert last asked for, changes waiting for review included.
          initialValues={profileToValues(withPendingValues(profile, pending?.changes), mine.skills, mine.references)}
          reviewedFieldsNotice={profile.status === "verified"}
          catalog={catalog.map(({ id, name }) => ({ id, name }))}
          action={saveExpertProfileAction}
        />
      ) : (
        <Alert tone="info">{t("lockedNotice")}</Alert>
      )}
    </div>
  );
}
