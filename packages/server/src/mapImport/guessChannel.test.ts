import { describe, expect, it } from "vitest";
import { guessChannel } from "./guessChannel.js";

describe("guessing a touchpoint's channel from its words", () => {
  it("guesses when the words name exactly one channel, and says which word decided", () => {
    expect(guessChannel("Kickoff Call onboarding").guess).toEqual({ id: "phone", medium: "physical", because: "Call" });
    expect(guessChannel("Marketing Website").guess).toMatchObject({ id: "website", because: "Website" });
    expect(guessChannel("Live Product Demo sales").guess).toMatchObject({ id: "meeting" });
  });

  it("does not guess when the words name no channel or several", () => {
    expect(guessChannel("Trust Center compliance")).toEqual({ guess: undefined, named: [] });
    expect(guessChannel("Order confirmation e-mail with SMS link")).toMatchObject({
      guess: undefined,
      named: expect.arrayContaining(["email", "sms"]),
    });
    // A channel's name inside a longer word is not that channel ("TV" in "activity").
    expect(guessChannel("Daily activity").guess).toBeUndefined();
  });
});
