import { Pagination } from "@/components/ui/Pagination";
import type { JobFilters } from "@/lib/jobs/queries";
import { jobsHref } from "./job-query";

export function JobPagination({ filters, page, pages }: { filters: JobFilters; page: number; pages: number }) {
  return <Pagination page={page} pages={pages} namespace="jobBoard" hrefFor={(p) => jobsHref(filters, p)} />;
}
