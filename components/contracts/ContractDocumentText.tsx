import type { ContractDocument } from "@/lib/contracts/documents/types";

/** A contract document as readable, structured text (headings and paragraphs), in its own language. */
export function ContractDocumentText({ document }: { document: ContractDocument }) {
  return (
    <article lang={document.locale} className="flex max-w-3xl flex-col gap-6 rounded-lg border border-stone-200 bg-white p-6 leading-relaxed text-stone-900">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{document.title}</h1>
        <p className="mt-1 text-sm text-stone-600">{document.version}</p>
      </header>
      {document.sections.map((section, index) => (
        <section key={index} className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{section.heading}</h2>
          {section.paragraphs.map((paragraph, p) => (
            <p key={p} className="whitespace-pre-line">
              {paragraph}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
