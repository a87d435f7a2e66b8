"use client";
/**
 * The offer page's forms, each loaded only when the page renders it: a visitor (the public page,
 * from the cache) is shown none of them, and imported as they are their code came with the page
 * all the same (as components/jobs/JobPageForms.tsx explains).
 */
import dynamic from "next/dynamic";

export const OrderForm = dynamic(() => import("./OrderForm").then((m) => m.OrderForm));
export const ModerationReasonForm = dynamic(() => import("@/components/moderation/ModerationReasonForm").then((m) => m.ModerationReasonForm));
