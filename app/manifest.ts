import type { MetadataRoute } from "next";

/** The web app manifest: the name and icons a browser shows when the site is pinned or installed. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Compagnon",
    short_name: "Compagnon",
    description: "Experts du logiciel libre vérifiés pour les PME",
    lang: "fr",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0f766e",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icons/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
