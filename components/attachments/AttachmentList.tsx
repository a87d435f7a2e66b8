import { useFormatter, useTranslations } from "next-intl";
import type { AttachmentLink } from "@/lib/attachments/store";

/** Files sent with a message or a delivery: download links with their size (downloads are checked again). */
export function AttachmentList({ links }: { links: AttachmentLink[] }) {
  const t = useTranslations("attachments");
  const format = useFormatter();
  if (links.length === 0) return null;
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 })
      : format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" });
  return (
    <ul aria-label={t("listLabel")} className="flex flex-col gap-1 text-sm">
      {links.map((link) => (
        <li key={link.id}>
          <a href={link.href} download className="font-medium text-brand-900 underline [overflow-wrap:anywhere]">
            {t("download", { name: link.name, size: size(link.sizeBytes) })}
          </a>
        </li>
      ))}
    </ul>
  );
}
