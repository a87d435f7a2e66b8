import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { expertProfiles, jobs, messages, offers, reviews, type ReportTarget } from "@/db/schema";

/** The reported content as an admin reads it, and the person who published it (the one a restriction affects). */
export interface ReportedContent {
  authorId: string | null;
  title: string;
  body: string;
  /** Where it shows publicly (none for a message, private to its conversation). */
  path: string | null;
}

export async function loadReportedContent(executor: Executor, type: ReportTarget, id: string): Promise<ReportedContent | null> {
  switch (type) {
    case "job": {
      const [row] = await executor.select().from(jobs).where(eq(jobs.id, id));
      return row ? { authorId: row.createdById, title: row.title, body: row.description, path: `/jobs/${row.id}` } : null;
    }
    case "expert": {
      const [row] = await executor.select().from(expertProfiles).where(eq(expertProfiles.id, id));
      if (!row) return null;
      const body = [row.headline, row.bio].filter(Boolean).join("\n\n");
      return { authorId: row.userId, title: row.displayName, body, path: `/experts/${row.slug}` };
    }
    case "review": {
      const [row] = await executor.select().from(reviews).where(eq(reviews.id, id));
      return row ? { authorId: row.authorId, title: `${row.rating}/5`, body: row.comment, path: null } : null;
    }
    case "offer": {
      const [row] = await executor.select().from(offers).where(eq(offers.id, id));
      return row ? { authorId: row.expertUserId, title: row.title, body: [row.summary, row.included].join("\n\n"), path: `/offers/${row.id}` } : null;
    }
    case "message": {
      const [row] = await executor.select().from(messages).where(eq(messages.id, id));
      return row ? { authorId: row.authorId, title: "", body: row.body, path: null } : null;
    }
  }
}
