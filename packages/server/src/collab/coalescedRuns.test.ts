import { describe, expect, it } from "vitest";
import { CoalescedRuns } from "./coalescedRuns.js";

/** A run that ends when told to, recording what it saw when it started. */
function gatedWork(log: string[], state: { value: number }) {
  const gates: Array<() => void> = [];
  const work = () =>
    new Promise<void>((resolve) => {
      log.push(`saw ${state.value}`);
      gates.push(resolve);
    });
  const finishNext = async () => {
    // Let queued microtasks start whatever run is due before it is ended.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    gates.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { work, finishNext };
}

describe("coalesced runs", () => {
  it("runs once more after the run in progress for all the calls made meanwhile, and that run sees the last change", async () => {
    const runs = new CoalescedRuns<string>();
    const log: string[] = [];
    const state = { value: 0 };
    const { work, finishNext } = gatedWork(log, state);
    const first = runs.run("map", work);
    await Promise.resolve();
    const meanwhile: Array<Promise<void>> = [];
    // A hundred changes, each asking for a run, while the first run is in progress.
    for (let change = 1; change <= 100; change++) {
      state.value = change;
      meanwhile.push(runs.run("map", work));
    }
    await finishNext();
    await first;
    await finishNext();
    await Promise.all(meanwhile);
    expect(log).toEqual(["saw 0", "saw 100"]);
  });

  it("keeps keys apart, and starts afresh once nothing is in progress", async () => {
    const runs = new CoalescedRuns<string>();
    const started: string[] = [];
    await Promise.all([
      runs.run("a", async () => void started.push("a")),
      runs.run("b", async () => void started.push("b")),
    ]);
    await runs.run("a", async () => void started.push("a again"));
    expect(started).toEqual(["a", "b", "a again"]);
  });

  it("gives a failure to the callers of the failed run only, and still runs the one queued behind it", async () => {
    const runs = new CoalescedRuns<string>();
    let release!: () => void;
    const failing = runs.run(
      "map",
      () => new Promise<void>((_, reject) => (release = () => reject(new Error("the disk is full")))),
    );
    let ranAfter = false;
    const queued = runs.run("map", async () => {
      ranAfter = true;
    });
    await Promise.resolve();
    release();
    await expect(failing).rejects.toThrow("the disk is full");
    await queued;
    expect(ranAfter).toBe(true);
  });
});
