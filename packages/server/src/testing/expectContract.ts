import { expect } from "vitest";
import type { z } from "zod";

/**
 * Checks an API answer against its schema in the wire contract: it must parse, and parsing must keep everything (an
 * object schema drops keys it does not know, so a field the server sends and the contract lacks shows as a
 * difference). Returns the parsed answer.
 */
export function expectContract<T extends z.ZodType>(
  schema: T,
  response: { status: number; body: unknown },
  status = 200,
): z.infer<T> {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const parsed = schema.safeParse(response.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(response.body);
  return parsed.data as z.infer<T>;
}
