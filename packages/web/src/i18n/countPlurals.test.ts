import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Message } from "./messages.js";

// Nouns the screens count. A number placed right before one of them must come with plural forms, or the screen
// says "1 kinds" or "1 customers"; a message can also avoid the agreement ("customers: {customers}").
const COUNTED =
  /\{\w+\} (?:events|customers|kinds|maps|transitions|times|rows|comments|quotes|days|bytes|steps|cards)\b/;

const dir = new URL("./", import.meta.url);
const english = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    Object.entries(
      JSON.parse(readFileSync(new URL(`./${d.name}/en.json`, dir), "utf8")) as Record<string, Message>,
    ).map(([key, message]) => [`${d.name}.${key}`, message] as const),
  );

describe("counted nouns in the English catalogues", () => {
  it("take their plural from the count wherever a number stands before them", () => {
    const unagreed = english.filter(([, message]) => typeof message === "string" && COUNTED.test(message));
    expect(unagreed.map(([key]) => key)).toEqual([]);
  });
});
