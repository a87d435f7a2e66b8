import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/ClientMessages";

/** The messages of this part's client components only (lib/i18n/client-namespaces.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="/contracts/[id]/plan">{children}</ClientMessages>;
}
