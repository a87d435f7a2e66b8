import { getFormatter, getTranslations } from "next-intl/server";
import { BackgroundRowForm } from "@/components/admin/BackgroundRowForm";
import type { FormState } from "@/lib/actions/form-state";
import type { OrganizationAddress } from "@/lib/einvoicing/directory-jobs";

/** The organisation's e-invoicing address (BT-49) as the PA's directory gives it, and a button to ask again. */
export async function EinvoiceAddress({ organizationId, address, action }: { organizationId: string; address: OrganizationAddress; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [t, format] = await Promise.all([getTranslations("einvoicing"), getFormatter()]);
  const date = (at: Date) => format.dateTime(at, { dateStyle: "medium" });
  const text =
    address.state === "off"
      ? t("addressOff")
      : address.state === "unknown"
        ? t("addressUnknown")
        : address.state === "none"
          ? t("addressNone", { date: date(address.at) })
          : t("addressFound", { address: address.address, date: date(address.at) });
  return (
    <>
      <dt className="font-semibold">{t("addressLabel")}</dt>
      <dd className="flex flex-col gap-2">
        <span className={address.state === "none" ? "text-amber-900" : undefined}>{text}</span>
        {address.state === "off" ? null : <BackgroundRowForm fields={{ organizationId }} label={t("refresh")} subject={t("addressLabel")} action={action} />}
      </dd>
    </>
  );
}
