import { useTranslations } from "next-intl";

/** The new authenticator secret: a QR code made on our server, and the same secret as text. */
export function TotpSetup({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const t = useTranslations("secondFactor");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img src={qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded-md border border-stone-300 bg-white" />
      <div className="flex flex-col gap-2">
        <p>{t("scan")}</p>
        <p className="text-sm text-stone-700">{t("manual")}</p>
        <p className="font-mono text-lg break-all" data-testid="totp-secret" data-secret={secret}>
          {grouped}
        </p>
      </div>
    </div>
  );
}
