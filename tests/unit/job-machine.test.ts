import { describe, expect, it } from "vitest";
import { jobStatus } from "@/db/schema";
import { isJobEditable, nextJobStatus, type JobEvent } from "@/lib/jobs/job-machine";

const legal: Record<string, string> = {
  "draft:publish": "open",
  "draft:cancel": "cancelled",
  "open:start": "in_progress",
  "open:close": "closed",
  "open:cancel": "cancelled",
  "in_progress:close": "closed",
};

describe("job state machine", () => {
  for (const from of jobStatus.enumValues) {
    for (const event of ["publish", "start", "close", "cancel"] as JobEvent[]) {
      const expected = legal[`${from}:${event}`] ?? null;
      it(`${from} --${event}--> ${expected ?? "refused"}`, () => expect(nextJobStatus(from, event)).toBe(expected));
    }
  }
  it("is editable only as a draft or while open", () => {
    expect(jobStatus.enumValues.filter(isJobEditable)).toEqual(["draft", "open"]);
  });
});
