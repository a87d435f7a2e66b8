"use client";
/**
 * The need page's forms, each loaded only when the page renders it. A visitor (the public page,
 * from the cache) is shown none of them; imported as they are, their code came with the page all
 * the same (5 kB gzip), since the App Router loads every client module a route imports. Through
 * next/dynamic from a client module, each is a chunk of its own that the server names in the page
 * only when it renders it (a signed-in expert's page then hydrates once its form's chunk is in).
 * Their texts' provider is loaded the same way (components/i18n/LazyClientMessages.tsx).
 */
import dynamic from "next/dynamic";

export const BidForm = dynamic(() => import("@/components/bids/BidForm").then((m) => m.BidForm));
export const NdaAcceptForm = dynamic(() => import("./NdaAcceptForm").then((m) => m.NdaAcceptForm));
export const JobActionForm = dynamic(() => import("./JobActionForm").then((m) => m.JobActionForm));
export const SimpleActionForm = dynamic(() => import("@/components/job-wizard/SimpleActionForm").then((m) => m.SimpleActionForm));
