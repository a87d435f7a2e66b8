import { getFormatter, getTranslations } from "next-intl/server";

interface EvidenceListProps {
  files: { id: string; kind: string; label: string | null; originalName: string; sizeBytes: number; issuedOn: string | null; uploadedAt: Date }[];
  canDelete: boolean;
  deleteAction: (formData: FormData) => Promise<void>;
}

export async function EvidenceList({ files, canDelete, deleteAction }: EvidenceListProps) {
  const [t, format] = await Promise.all([getTranslations("expertProfile"), getFormatter()]);
  if (files.length === 0) return <p className="text-sm text-stone-700">{t("noEvidence")}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <div>
            <p className="font-semibold">
              {t(`evidence_${file.kind}` as "evidence_other")}
              {file.label ? ` — ${file.label}` : ""}
            </p>
            <p className="text-stone-700">
              <a href={`/api/evidence/${file.id}`} className="underline">
                {file.originalName}
              </a>{" "}
              · {format.number(Math.max(1, Math.round(file.sizeBytes / 1024)), { style: "unit", unit: "kilobyte", unitDisplay: "short" })}
              {file.issuedOn ? ` · ${t("issuedOnValue", { date: format.dateTime(new Date(`${file.issuedOn}T12:00:00Z`), { dateStyle: "medium" }) })}` : ""}
            </p>
          </div>
          {canDelete ? (
            <form action={deleteAction}>
              <input type="hidden" name="evidenceId" value={file.id} />
              <button type="submit" className="min-h-11 rounded-md px-3 font-semibold text-red-800 underline-offset-4 hover:underline">
                {t("deleteEvidence", { name: file.originalName })}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
