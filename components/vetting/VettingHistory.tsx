import { getFormatter, getTranslations } from "next-intl/server";

interface VettingHistoryProps {
  history: { id: string; action: string; fromStatus: string | null; toStatus: string | null; reason: string | null; createdAt: Date }[];
}

/** A profile's audit trail in words: what happened, the move between states, and the note given. */
export async function VettingHistory({ history }: VettingHistoryProps) {
  const [t, p, format] = await Promise.all([getTranslations("vetting"), getTranslations("expertProfile"), getFormatter()]);
  const action = (code: string) => {
    const key = `action_${code.replaceAll(".", "_")}`;
    return t.has(key) ? t(key as "action_other") : t("action_other");
  };
  const status = (code: string) => (p.has(`status_${code}`) ? p(`status_${code}` as "status_draft") : code);
  if (history.length === 0) return <p className="mt-3 text-sm">{t("historyEmpty")}</p>;
  return (
    <ol className="mt-3 flex flex-col gap-2 text-sm">
      {history.map((h) => (
        <li key={h.id}>
          <time dateTime={h.createdAt.toISOString()}>{format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
          <span className="font-semibold">{action(h.action)}</span>
          {h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus ? ` · ${t("historyStatus", { from: status(h.fromStatus), to: status(h.toStatus) })}` : ""}
          {h.reason ? ` · ${t("quoted", { text: h.reason })}` : ""}
        </li>
      ))}
    </ol>
  );
}
