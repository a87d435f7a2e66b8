"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";

/** Unexpected errors: a generic, translated message; never the error's own text or stack. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">{t("errorTitle")}</h1>
      <p className="mt-3 text-lg text-stone-700">{t("error")}</p>
      {error.digest ? <p className="mt-2 text-sm text-stone-600">{t("reference", { digest: error.digest })}</p> : null}
      <Button className="mt-6" onClick={() => reset()}>
        {t("retry")}
      </Button>
    </div>
  );
}
