import type { AccessKind } from "@/db/schema/handover";

/** The kinds of access, in the order the form offers them. */
export const accessKinds: readonly AccessKind[] = ["host", "admin_account", "vpn_key", "dns", "hosting_panel", "software_admin", "other"];
