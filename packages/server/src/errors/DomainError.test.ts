import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { handleError } from "../http/errorHandling.js";
import { DomainError, fieldError, invalidInput, notFound, tryAgainLater } from "./DomainError.js";
import { z } from "zod";

/** Throws the error from a route of a bare app with the API's error handler, and returns what the client gets. */
async function answerTo(err: Error) {
  const app = new Hono();
  app.onError(handleError);
  app.get("/", () => {
    throw err;
  });
  const res = await app.request("/");
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    body: (await res.json()) as {
      error: { code: string; message: string; issues: Array<{ path: string; message: string }> };
    },
  };
}

describe("domain errors over HTTP", () => {
  it("answers a field problem with 400, its code, the sentence naming the field and the issue", async () => {
    const answer = await answerTo(
      fieldError("personaId", `no persona "p_1" in this workspace`, { detail: "unknown persona" }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "invalid_request",
      message: `personaId: no persona "p_1" in this workspace`,
      issues: [{ path: "personaId", message: "unknown persona" }],
    });
  });

  it("gives each class its status, and a retry-later its Retry-After in whole seconds", async () => {
    expect((await answerTo(notFound("map"))).status).toBe(404);
    expect(
      (await answerTo(new DomainError({ kind: "gone", code: "invitation_expired", message: "expired" }))).status,
    ).toBe(410);
    expect(
      (await answerTo(new DomainError({ kind: "insufficient_storage", code: "not_enough_disk", message: "full" })))
        .status,
    ).toBe(507);
    const busy = await answerTo(tryAgainLater("too_many", "too_many_exports", "wait", 2.2));
    expect([busy.status, busy.retryAfter, busy.body.error.code]).toEqual([429, "3", "too_many_exports"]);
  });

  it("names the first field that failed its schema, with every problem listed", async () => {
    const parsed = z
      .object({ eventNames: z.array(z.string()).min(1), channel: z.string() })
      .safeParse({ eventNames: [] });
    const err = invalidInput(parsed.error!);
    expect(err.field).toBe("eventNames");
    const answer = await answerTo(err);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/^eventNames: /);
    expect(answer.body.error.issues.map((i) => i.path)).toEqual(["eventNames", "channel"]);
  });
});
