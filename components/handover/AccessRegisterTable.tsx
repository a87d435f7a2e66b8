import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/DataTable";
import type { AccessRow } from "@/lib/handover/queries";

/**
 * The access register as a table: kind, where, who holds it, since when, and its state (in use,
 * to revoke, revoked, kept). `actions` renders the row's buttons the viewer may use (none for admins).
 */
export async function AccessRegisterTable({ rows, actions }: { rows: AccessRow[]; actions: ((row: AccessRow) => ReactNode) | null }) {
  const [t, format] = await Promise.all([getTranslations("handover"), getFormatter()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const status = (row: AccessRow) => {
    if (row.revokedAt) return t("statusRevoked", { date: date(row.revokedAt), name: row.revokedBy ?? "—" });
    if (row.decision === "kept" && row.decidedAt) return t("statusKept", { date: date(row.decidedAt), name: row.decidedBy ?? "—" });
    return row.toRevoke ? t("statusToRevoke") : t("statusActive");
  };
  return (
    <DataTable
      caption={t("registerCaption")}
      captionHidden
      rows={rows}
      rowKey={(row) => row.id}
      empty={t("registerEmpty")}
      className="min-w-[44rem]"
      columns={[
        { key: "label", header: t("columnLabel"), rowHeader: true, cell: (row) => row.label, className: "max-w-xs break-words" },
        { key: "kind", header: t("columnKind"), cell: (row) => t(`kind_${row.kind}`) },
        { key: "holder", header: t("columnHolder"), cell: (row) => row.holder },
        { key: "since", header: t("columnSince"), cell: (row) => day(row.since) },
        { key: "status", header: t("columnStatus"), cell: status },
        ...(actions ? [{ key: "actions", header: t("columnActions"), cell: actions }] : []),
      ]}
    />
  );
}
