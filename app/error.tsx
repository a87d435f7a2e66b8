"use client";

import { useErrorTexts } from "@/components/i18n/ErrorTexts";
import { Button } from "@/components/ui/Button";

/** Unexpected errors: a generic, translated message (texts from the root layout); never the error's own text or stack. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useErrorTexts();
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">{t.title}</h1>
      <p className="mt-3 text-lg text-stone-700">{t.message}</p>
      {error.digest ? <p className="mt-2 text-sm text-stone-600">{t.reference.replace("{digest}", error.digest)}</p> : null}
      <Button className="mt-6" onClick={() => reset()}>
        {t.retry}
      </Button>
    </div>
  );
}
