"use client";

import Link from "next/link";

/** Last resort when the root layout itself fails: no translations available, so both languages. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", color: "#1c1917" }}>
        <h1>Une erreur est survenue</h1>
        <p>Nous n’avons pas pu afficher cette page. Réessayez dans un instant.</p>
        <h2 lang="en">Something went wrong</h2>
        <p lang="en">We could not show this page. Please try again in a moment.</p>
        {error.digest ? <p>Référence / reference : {error.digest}</p> : null}
        <p>
          <Link href="/">Accueil / Home</Link>
        </p>
      </body>
    </html>
  );
}
