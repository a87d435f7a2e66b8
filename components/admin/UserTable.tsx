import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SuspensionForm } from "@/components/admin/SuspensionForm";
import { DataTable } from "@/components/ui/DataTable";
import type { FormState } from "@/lib/actions/form-state";

interface UserTableProps {
  users: { id: string; email: string; name: string | null; role: string | null; suspendedAt: Date | null; createdAt: Date }[];
  /** The acting admin, who cannot suspend themself. */
  selfId: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}

/** Accounts, one row each: a link to the account's page, its role, age, state, and suspend/reinstate. */
export async function UserTable({ users, selfId, action }: UserTableProps) {
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const roleName = (role: string | null) => (role ? t(`role_${role}` as "role_client") : t("roleNone"));
  return (
    <DataTable
      caption={t("usersCaption")}
      captionHidden
      empty={t("usersCount", { count: 0 })}
      rows={users}
      rowKey={(user) => user.id}
      columns={[
        {
          key: "email",
          header: t("email"),
          rowHeader: true,
          cell: (user) => (
            <Link href={`/admin/users/${user.id}`} className="font-semibold underline">
              {user.email}
            </Link>
          ),
        },
        { key: "name", header: t("name"), cell: (user) => user.name ?? "—" },
        { key: "role", header: t("role"), cell: (user) => roleName(user.role) },
        { key: "created", header: t("created"), cell: (user) => format.dateTime(user.createdAt, { dateStyle: "medium" }) },
        { key: "status", header: t("status"), cell: (user) => (user.suspendedAt ? t("suspended") : t("active")) },
        {
          key: "actions",
          header: t("actions"),
          cell: (user) => (user.id === selfId ? null : <SuspensionForm userId={user.id} email={user.email} suspended={!!user.suspendedAt} action={action} />),
        },
      ]}
    />
  );
}
