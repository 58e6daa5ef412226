import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/DomainError.js";
import { apiErrorOf, type ApiErrorAnswer } from "../http/errorHandling.js";
import { ExportQueue } from "./ExportQueue.js";

/** A task that finishes when the test says so, recording that it started. */
function deferredTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

/** The error a promise rejects with as the API answers it, or undefined when it settles fine. */
async function errorOf(promise: Promise<unknown>): Promise<ApiErrorAnswer | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return apiErrorOf(err);
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("export queue", () => {
  it("refuses a user's export beyond their own limit with 429 and a Retry-After, while others still get theirs", async () => {
    const queue = new ExportQueue({ concurrent: 4, perUser: 2, waiting: 10 });
    const log: string[] = [];
    const a = deferredTask(log, "a1");
    const b = deferredTask(log, "a2");
    const first = queue.run("alice", a.task);
    const second = queue.run("alice", b.task);
    const third = await errorOf(queue.run("alice", async () => "a3"));
    expect([third?.status, third?.code, Number(third?.headers["retry-after"]) > 0]).toEqual([
      429,
      "too_many_exports",
      true,
    ]);
    expect(third?.message).toContain("try again");
    expect(await queue.run("bob", async () => "b1")).toBe("b1");
    a.finish();
    b.finish();
    expect(await Promise.all([first, second])).toEqual(["a1", "a2"]);
    // Finished exports no longer count against the user.
    expect(await queue.run("alice", async () => "a4")).toBe("a4");
  });

  it("makes exports beyond the global limit wait their turn, first come first served, never more at once than allowed", async () => {
    const queue = new ExportQueue({ concurrent: 2, perUser: 5, waiting: 10 });
    const log: string[] = [];
    const tasks = ["u1", "u2", "u3", "u4"].map((user) => ({ user, ...deferredTask(log, user) }));
    const results = tasks.map((t) => queue.run(t.user, t.task));
    await flush();
    expect([log, queue.load]).toEqual([["start u1", "start u2"], { running: 2, waiting: 2 }]);
    tasks[1]!.finish();
    await flush();
    // A newcomer arriving as a slot frees up queues behind those already waiting.
    const late = deferredTask(log, "u5");
    const lateResult = queue.run("u5", late.task);
    await flush();
    expect([log, queue.load]).toEqual([["start u1", "start u2", "start u3"], { running: 2, waiting: 2 }]);
    for (const t of [tasks[0]!, tasks[2]!, tasks[3]!, late]) {
      t.finish();
      await flush();
    }
    expect(await Promise.all([...results, lateResult])).toEqual(["u1", "u2", "u3", "u4", "u5"]);
    expect(log).toEqual(["start u1", "start u2", "start u3", "start u4", "start u5"]);
    expect([queue.load, queue.started]).toEqual([{ running: 0, waiting: 0 }, 5]);
  });

  it("answers 503 with a Retry-After when the waiting line is full, and runs nothing for it", async () => {
    const queue = new ExportQueue({ concurrent: 1, perUser: 5, waiting: 1 });
    const log: string[] = [];
    const running = deferredTask(log, "one");
    const waiting = deferredTask(log, "two");
    const results = [queue.run("u1", running.task), queue.run("u2", waiting.task)];
    const refused = await errorOf(queue.run("u3", async () => "three"));
    expect([refused?.status, refused?.code, Number(refused?.headers["retry-after"]) > 0]).toEqual([
      503,
      "export_queue_full",
      true,
    ]);
    running.finish();
    await flush();
    waiting.finish();
    expect(await Promise.all(results)).toEqual(["one", "two"]);
    expect(queue.started).toBe(2);
  });

  it("drops a waiting export whose client has gone, without running it", async () => {
    const queue = new ExportQueue({ concurrent: 1, perUser: 5, waiting: 5 });
    const log: string[] = [];
    const running = deferredTask(log, "one");
    const first = queue.run("u1", running.task);
    const gone = new AbortController();
    const cancelled = errorOf(queue.run("u2", async () => "never", gone.signal));
    gone.abort();
    expect((await cancelled)?.code).toBe("export_cancelled");
    expect(queue.load).toEqual({ running: 1, waiting: 0 });
    running.finish();
    expect(await first).toBe("one");
    expect(queue.started).toBe(1);
    // The user who left may export again.
    expect(await queue.run("u2", async () => "again")).toBe("again");
  });
});
