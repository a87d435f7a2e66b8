"use client";

import { useFormatter, useTranslations } from "next-intl";
import { SelectField, TextAreaField } from "@/components/experts/fields";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormErrorSummary, useFieldError } from "@/components/ui/FormErrorSummary";
import { useKeptForm } from "@/components/ui/useKeptForm";
import type { FormState } from "@/lib/actions/form-state";
import { SUPPORT_MESSAGE_MAX, SUPPORT_TOPICS } from "@/lib/support/topics";

interface ContactFormProps {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The signed-in person's address: they write under their account. */
  signedInEmail: string | null;
  initialTopic?: string;
}

/** The contact form: works without JavaScript, keeps what was typed when refused. */
export function ContactForm({ action, signedInEmail, initialTopic }: ContactFormProps) {
  const t = useTranslations("support");
  const format = useFormatter();
  const { state, formAction, pending, formRef, onSubmit, v } = useKeptForm(action, { topic: initialTopic ?? "question" });
  const error = useFieldError(state);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FormErrorSummary state={state} />
      {signedInEmail ? (
        <p className="text-stone-700">{t("signedInAs", { email: signedInEmail })}</p>
      ) : (
        <>
          <Field name="name" label={t("nameLabel")} autoComplete="name" required defaultValue={v("name")} error={error("name")} />
          <Field name="email" type="email" label={t("emailLabel")} hint={t("emailHint")} autoComplete="email" required defaultValue={v("email")} error={error("email")} />
        </>
      )}
      <SelectField name="topic" label={t("topicLabel")} defaultValue={v("topic")} error={error("topic")}>
        {SUPPORT_TOPICS.map((topic) => (
          <option key={topic} value={topic}>
            {t(`topic_${topic}`)}
          </option>
        ))}
      </SelectField>
      <Field name="subject" label={t("subjectLabel")} required maxLength={150} defaultValue={v("subject")} error={error("subject")} />
      <TextAreaField
        name="body"
        label={t("bodyLabel")}
        hint={t("bodyHint", { max: format.number(SUPPORT_MESSAGE_MAX) })}
        rows={8}
        required
        defaultValue={v("body")}
        error={error("body")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
