import { describe, expect, it } from "vitest";
import { laneTypeForName } from "./laneTypeForName.js";

describe("reading a lane's type from its name in another tool's file", () => {
  it("a lane of thoughts and feelings is a thoughts lane in every language, not the emotion curve", () => {
    for (const name of [
      "Thoughts & Feelings",
      "Feelings",
      "What they think",
      "想法与感受",
      "想法與感受",
      "Мысли и чувства",
      "افکار و احساسات",
    ])
      expect(laneTypeForName(name), name).toBe("thoughts");
  });

  it("a lane named for emotions, sentiment or the curve is the emotion curve", () => {
    for (const name of [
      "Emotional State",
      "User Health (Sentiment)",
      "Mood",
      "情绪",
      "Эмоции",
      "Emotional curve of feelings",
    ])
      expect(laneTypeForName(name), name).toBe("emotion");
  });

  it("other lanes by their words, and text when nothing fits", () => {
    expect(laneTypeForName("Issues & Roadblocks")).toBe("painPoints");
    expect(laneTypeForName("Tools Used")).toBe("touchpoints");
    expect(laneTypeForName("Interaction")).toBe("actions");
    expect(laneTypeForName("Видео")).toBe("text");
    expect(laneTypeForName("Notes")).toBe("text");
  });
});
