"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { idleState, type FormState } from "@/lib/actions/form-state";

interface MemberRoleFormProps {
  organizationId: string;
  userId: string;
  /** Who the button is about, for screen readers (several rows share the same button text). */
  name: string;
  /** The member's role now: a member can be made owner, an owner can lose the role. */
  role: "owner" | "member";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}

/** One member row's button, for owners: "make owner" or "remove the owner role", with its outcome announced. */
export function MemberRoleForm({ organizationId, userId, name, role, action }: MemberRoleFormProps) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, idleState);
  const message =
    state.status === "error"
      ? t((state.formError ?? "common.genericError") as never)
      : state.status === "success" && state.notice
        ? t(state.notice.key as never, { name } as never)
        : null;
  return (
    <form action={formAction} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="role" value={role === "member" ? "owner" : "member"} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {role === "member" ? t("members.makeOwner") : t("members.removeOwner")}
        <span className="sr-only"> ({name})</span>
      </Button>
      <p aria-live="polite" className={`text-sm ${state.status === "error" ? "font-medium text-red-800" : "text-green-800"}`}>
        {message}
      </p>
    </form>
  );
}
