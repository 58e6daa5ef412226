// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../../i18n/locales.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { createLiveMapView } from "../store/createLiveMapView.js";
import type { EmotionIndex } from "../store/MapView.js";
import { EmotionCurve } from "./EmotionCurve.js";
import { emotionGeometry } from "./emotionGeometry.js";

const { slots, steps } = createLiveMapView(buildTestMapDoc()).getStructure(); // steps ad, cart, pay
const scale = { min: -2, max: 2, minLabel: "", maxLabel: "" };
const emotions: EmotionIndex = new Map([
  [
    "p1",
    new Map([
      ["ad", { value: 2, note: "" }],
      ["cart", { value: 0, note: "Slow page" }],
      ["pay", { value: -2, note: "" }],
    ]),
  ],
]);

function renderCurve(locale: UiLocale = "en") {
  renderWithI18n(
    <EmotionCurve
      geometry={emotionGeometry(slots, 200, 120, scale, locale === "fa")}
      scale={scale}
      steps={steps}
      personas={[{ id: "p1", name: "Mina", color: "rgb(200, 30, 30)" }]}
      emotions={emotions}
      activePersonaId="p1"
      onChange={() => {}}
    />,
    locale,
  );
  return screen.getAllByTestId("emotion-point");
}

afterEach(cleanup);

describe("emotion curve points", () => {
  it("show a face for each point's mood, centred on the point, happy at the top and unhappy at the bottom", () => {
    const points = renderCurve();
    const moods = points.map((point) => {
      const face = point.nextElementSibling!;
      const size = Number(face.getAttribute("width"));
      expect(Number(face.getAttribute("x")) + size / 2).toBe(Number(point.getAttribute("cx")));
      expect(Number(face.getAttribute("y")) + size / 2).toBe(Number(point.getAttribute("cy")));
      return face.getAttribute("data-mood");
    });
    expect(moods).toEqual(["2", "0", "-2"]);
  });

  it("name the persona and step, and say the value with its mood in words, in the UI language", () => {
    const [ad, cart] = renderCurve();
    const cartName = steps.find((s) => s.id === "cart")!.name;
    expect(ad!.getAttribute("aria-valuetext")).toBe("2 (very happy)");
    expect(cart!.getAttribute("aria-label")).toBe(`Mina at “${cartName}”`);
    expect(cart!.querySelector("title")?.textContent).toBe(`Mina at “${cartName}”: 0 (neutral) — Slow page`);
    cleanup();

    const [, , pay] = renderCurve("ru");
    expect(pay!.getAttribute("aria-valuetext")).toBe("-2 (очень плохо)");
  });

  it("leave the face to the point beneath: the face is hidden from assistive technology", () => {
    const [ad] = renderCurve();
    expect(ad!.nextElementSibling!.getAttribute("aria-hidden")).toBe("true");
  });
});
