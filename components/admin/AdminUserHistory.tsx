import { getFormatter, getTranslations } from "next-intl/server";
import type { AdminUserDetail } from "@/lib/accounts/admin-users";

/** What happened to an account, newest first, in words (the code itself for events without a label). */
export async function AdminUserHistory({ history }: { history: AdminUserDetail["history"] }) {
  const [t, format] = await Promise.all([getTranslations("adminUser"), getFormatter()]);
  if (history.length === 0) return <p className="mt-3 text-sm">{t("historyEmpty")}</p>;
  const action = (code: string) => {
    const key = `action_${code.replaceAll(".", "_")}`;
    return t.has(key) ? t(key as "action_other", { code }) : t("action_other", { code });
  };
  return (
    <ol className="mt-3 flex flex-col gap-2 text-sm">
      {history.map((h) => (
        <li key={h.id}>
          <time dateTime={h.createdAt.toISOString()}>{format.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
          <span className="font-semibold">{action(h.action)}</span>
          {h.actorEmail ? ` · ${t("by", { email: h.actorEmail })}` : ""}
          {h.reason ? ` · ${t("quoted", { text: h.reason })}` : ""}
        </li>
      ))}
    </ol>
  );
}
