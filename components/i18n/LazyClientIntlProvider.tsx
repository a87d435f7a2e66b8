"use client";
import dynamic from "next/dynamic";

/**
 * next-intl's provider (ClientIntlProvider) as a chunk of its own, loaded only where it is
 * rendered: for a page that gives it to some people only (LazyClientMessages).
 */
export const LazyClientIntlProvider = dynamic(() => import("./ClientIntlProvider").then((m) => m.ClientIntlProvider));
