"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";

/** The recovery codes, shown once right after they are made, with a text file to keep them. */
export function RecoveryCodes({ codes, done }: { codes: string[]; done?: { href: string; label: string } }) {
  const t = useTranslations("secondFactor");
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(`${t("codesFileTitle")}\n\n${codes.join("\n")}\n`)}`;
  return (
    <section aria-labelledby="recovery-codes" className="flex max-w-xl flex-col gap-4">
      <h2 id="recovery-codes" className="text-xl font-semibold">
        {t("codesTitle")}
      </h2>
      <Alert tone="warning">{t("codesOnce", { count: codes.length })}</Alert>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-2 rounded-md border border-stone-300 bg-white p-4 font-mono text-base">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <a href={file} download="compagnon-recovery-codes.txt" className={buttonClasses("secondary")}>
          {t("codesDownload")}
        </a>
        {done ? (
          <Link href={done.href} className={buttonClasses("primary")} data-testid="recovery-codes-done">
            {done.label}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
