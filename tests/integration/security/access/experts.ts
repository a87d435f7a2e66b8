/** The expert's profile, evidence, photo, billing mandate and payouts. */
import { completeProfileInput, pdfBytes } from "../../../helpers/experts";
import { enablePayouts } from "../../../helpers/contracts";
import { draftExpertEvidence, expertsWithPhotos, pngBytes, startedOnboarding } from "../action-fixtures";
import { experts } from "./people";
import { access, type ActionAccess } from "./types";

/** The profile editor's fields, as the form posts them: the helpers' complete profile. */
async function profileForm(): Promise<Record<string, string>> {
  const input = await completeProfileInput();
  const lines = (values?: readonly string[]) => (values ?? []).join("\n");
  const fields: Record<string, string> = {
    displayName: input.displayName ?? "",
    headline: "Nextcloud, WireGuard et sauvegardes",
    bio: input.bio ?? "",
    serviceKinds: lines(input.serviceKinds),
    dailyRateEuros: String(input.dailyRateEuros),
    departments: (input.departments ?? []).join(", "),
    remoteOk: "on",
    languages: lines(input.languages),
    publicFields: lines(input.publicFields),
    "links.website": input.links?.website ?? "",
  };
  for (const key of ["legalForm", "siret", "vatRegime", "vatNumber", "tradeRegister", "tradeRegisterPlace", "shareCapitalEuros", "insurer", "insurancePolicyNumber", "insuranceExpiresOn"] as const) {
    fields[key] = String(input[key] ?? "");
  }
  (input.skills ?? []).forEach((skill, i) => {
    fields[`skills.${i}.softwareId`] = skill.softwareId;
    fields[`skills.${i}.level`] = String(skill.level);
    fields[`skills.${i}.years`] = String(skill.years);
  });
  return fields;
}

export const EXPERT_ACTIONS: Record<string, ActionAccess> = {
  "app/expert/profile/actions.ts#saveExpertProfileAction": access({
    ok: experts,
    together: true,
    note: "each expert edits their own profile",
    prepare: profileForm,
    form: ({ prepared }) => prepared,
  }),
  "app/expert/profile/actions.ts#uploadEvidenceAction": access({
    ok: experts,
    together: true,
    form: () => ({ kind: "other", label: "Certification Nextcloud", file: new File([pdfBytes("certificate")], "certificate.pdf", { type: "application/pdf" }) }),
  }),
  "app/expert/profile/actions.ts#deleteEvidenceAction": access({
    ok: ["draftExpert"],
    note: "its owner (a verified profile's evidence can be deleted too, but the others try the draft expert's file here)",
    prepare: draftExpertEvidence,
    form: ({ prepared }) => prepared,
  }),
  "app/expert/profile/actions.ts#submitProfileAction": access({
    ok: ["draftExpert"],
    note: "a complete draft; verified profiles have nothing to submit",
  }),
  "app/expert/profile/actions.ts#uploadPhotoAction": access({
    ok: experts,
    together: true,
    form: () => ({ photo: new File([pngBytes], "photo.png", { type: "image/png" }) }),
  }),
  "app/expert/profile/actions.ts#removePhotoAction": access({
    ok: experts,
    together: true,
    note: "each expert removes their own photo",
    prepare: expertsWithPhotos,
  }),
  "app/expert/billing-mandate/actions.ts#acceptBillingMandateAction": access({
    ok: experts,
    together: true,
    form: () => ({ legalName: "Conseil Libre EURL", addressLine1: "8 quai Saint-Vincent", postalCode: "69001", city: "Lyon", confirm: "yes" }),
  }),
  "app/expert/tax-details/actions.ts#saveTaxDetailsAction": access({
    ok: experts,
    together: true,
    note: "each expert gives their own DAC7 data",
    form: () => ({ firstName: "Sophie", lastName: "Bernard", birthDate: "1985-04-12", birthCity: "Lyon", iban: "FR7630006000011234567890189" }),
  }),
  "app/expert/payouts/actions.ts#startPayoutsOnboardingAction": access({
    ok: ["partyExpert"],
    note: "a verified expert who has accepted the billing mandate (the other verified expert has not yet)",
  }),
  "app/expert/payouts/actions.ts#payoutsDashboardAction": access({
    ok: ["partyExpert"],
    note: "an expert with a payout account; only a link is made, nothing stored",
    prepare: async (world) => {
      await enablePayouts(world.people.partyExpert);
    },
    unchangedFor: ["partyExpert"],
  }),
  "app/pay/test/onboarding/[accountId]/actions.ts#completeTestOnboardingAction": access({
    ok: ["partyExpert"],
    note: "the account's owner, in payment test mode",
    prepare: startedOnboarding,
    form: ({ prepared }) => ({ accountId: prepared.accountId, returnUrl: "/expert/payouts" }),
  }),
};
