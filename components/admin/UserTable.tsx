import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SuspensionForm } from "@/components/admin/SuspensionForm";
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
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("usersCaption")}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-3">{t("email")}</th>
            <th scope="col" className="p-3">{t("name")}</th>
            <th scope="col" className="p-3">{t("role")}</th>
            <th scope="col" className="p-3">{t("created")}</th>
            <th scope="col" className="p-3">{t("status")}</th>
            <th scope="col" className="p-3">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-stone-200 align-top">
              <th scope="row" className="p-3 font-normal">
                <Link href={`/admin/users/${user.id}`} className="font-semibold underline">
                  {user.email}
                </Link>
              </th>
              <td className="p-3">{user.name ?? "—"}</td>
              <td className="p-3">{roleName(user.role)}</td>
              <td className="p-3">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
              <td className="p-3">{user.suspendedAt ? t("suspended") : t("active")}</td>
              <td className="p-3">{user.id === selfId ? null : <SuspensionForm userId={user.id} email={user.email} suspended={!!user.suspendedAt} action={action} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
