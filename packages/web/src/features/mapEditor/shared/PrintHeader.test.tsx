// @vitest-environment jsdom
import { docToSnapshot } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { UiLocale } from "../../../i18n/locales.js";
import type { CellCatalogue } from "../../cells/CellContentProps.js";
import { EvidenceContext } from "../../evidence/map/EvidenceContext.js";
import { renderIn, shopMetrics } from "../../evidence/testing/evidenceTestKit.js";
import { buildTestMapDoc } from "../store/buildTestMapDoc.js";
import { PrintHeader } from "./PrintHeader.js";
import { printEvidence } from "./printEvidence.js";

afterEach(cleanup);

const catalogue = { touchpoints: new Map(), channels: new Map(), personas: new Map() } as unknown as CellCatalogue;

function renderHeader(windowHours: number | null, locale: UiLocale = "en") {
  const metrics = shopMetrics();
  if (windowHours !== null) metrics.options = { ...metrics.options, conversionWindowHours: windowHours };
  renderIn(
    <EvidenceContext.Provider value={windowHours === null ? null : printEvidence(metrics, null)}>
      <PrintHeader title="Checkout" snapshot={docToSnapshot(buildTestMapDoc())} catalogue={catalogue} />
    </EvidenceContext.Provider>,
    locale,
  );
  return screen.getByTestId("print-header").textContent ?? "";
}

describe("the printed map's header (PDF and PNG)", () => {
  it("states the conversion window the printed figures were computed with", () => {
    expect(renderHeader(87_600)).toContain(
      "No conversion window: a step counts however long customers take to reach it.",
    );
    cleanup();
    expect(renderHeader(720)).toContain("Conversion window: 30 d (720 h)");
    cleanup();
    expect(renderHeader(36, "zh-Hans")).toContain("转化时间窗：36 小时");
  });

  it("says nothing of a window when the map prints no figures", () => {
    const text = renderHeader(null);
    expect(text).toContain("Checkout");
    expect(screen.queryByTestId("print-window")).toBeNull();
  });
});
