import { customType } from "drizzle-orm/pg-core";

/** A full-text document column (the job board's and the directory's French search). */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
