import { Pagination } from "@/components/ui/Pagination";
import type { DirectoryFilters } from "@/lib/experts/directory";
import { directoryHref } from "./directory-query";

export function DirectoryPagination({ filters, page, pages }: { filters: DirectoryFilters; page: number; pages: number }) {
  return <Pagination page={page} pages={pages} namespace="directory" hrefFor={(p) => directoryHref(filters, p)} />;
}
