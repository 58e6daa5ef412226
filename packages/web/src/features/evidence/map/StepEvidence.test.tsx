// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EvidenceOf, renderIn, shopMetrics } from "../testing/evidenceTestKit.js";
import { printEvidence } from "../../mapEditor/shared/printEvidence.js";
import { EvidenceContext } from "./EvidenceContext.js";
import { StepEvidence } from "./StepEvidence.js";
import { StepQuotes } from "./StepQuotes.js";

afterEach(cleanup);

describe("the data lane at a step", () => {
  it("shows reach, conversion from the previous step, drop-off, median time and score, and marks the worst drop-off", () => {
    renderIn(
      <EvidenceOf metrics={shopMetrics()}>
        <StepEvidence stepId="product" />
      </EvidenceOf>,
    );
    const cell = screen.getByTestId("step-evidence");
    expect(within(cell).getByTestId("step-customers").textContent).toBe("600");
    expect(within(cell).getByTestId("step-conversion").textContent).toBe("60%");
    expect(within(cell).getByTestId("step-drop-off").textContent).toBe("75% (450)");
    expect(within(cell).getByTestId("step-median-time").textContent).toBe("2 hr");
    expect(within(cell).getByTestId("step-score").textContent).toBe("4.3 (40 answers)");
    expect(cell.dataset.worstDropOff).toBe("true");
    expect(within(cell).getByText("Most customers leave here")).toBeTruthy();
  });

  it("at the journey's goal says who went no further, not drop-off, and gives no warning", () => {
    renderIn(
      <EvidenceContext.Provider value={printEvidence(shopMetrics(), "product")}>
        <StepEvidence stepId="product" />
      </EvidenceContext.Provider>,
    );
    const cell = screen.getByTestId("step-evidence");
    expect(within(cell).getByTestId("step-drop-off").dataset.journeyEnd).toBe("true");
    expect(within(cell).getByText("Went no further")).toBeTruthy();
    expect(within(cell).queryByText("Drop-off")).toBeNull();
    expect(within(cell).queryByText("Most customers leave here")).toBeNull();
  });

  it("marks the step with the most negative feedback and names its tone", () => {
    renderIn(
      <EvidenceOf metrics={shopMetrics()}>
        <StepEvidence stepId="checkout" />
      </EvidenceOf>,
    );
    const cell = screen.getByTestId("step-evidence");
    expect(cell.dataset.worstSentiment).toBe("true");
    expect(within(cell).getByTestId("step-sentiment").textContent).toBe("Negative (12 comments)");
    // The last step has nowhere to convert to: no drop-off line.
    expect(within(cell).queryByTestId("step-drop-off")).toBeNull();
  });

  it("writes numbers the way each language does", () => {
    const metrics = shopMetrics();
    metrics.steps[0]!.customers = 12345;
    const ru = renderIn(
      <EvidenceOf metrics={metrics}>
        <StepEvidence stepId="home" />
      </EvidenceOf>,
      "ru",
    );
    // Russian groups digits with a no-break space.
    expect(within(ru.container).getByTestId("step-customers").textContent).toMatch(/^12\s345$/);
    expect(within(ru.container).getByText("Клиенты")).toBeTruthy();
    cleanup();
    const fa = renderIn(
      <EvidenceOf metrics={metrics}>
        <StepEvidence stepId="home" />
      </EvidenceOf>,
      "fa",
    );
    expect(within(fa.container).getByTestId("step-customers").textContent).toBe("۱۲٬۳۴۵");
  });

  it("shows nothing while the data is hidden or for a step the data does not know", () => {
    const { container } = renderIn(
      <>
        <EvidenceOf metrics={shopMetrics()} shown={false}>
          <StepEvidence stepId="home" />
        </EvidenceOf>
        <EvidenceOf metrics={shopMetrics()}>
          <StepEvidence stepId="unknown" />
        </EvidenceOf>
        <StepEvidence stepId="home" />
      </>,
    );
    expect(container.textContent).toBe("");
  });

  it("quotes customers in their own words and language, as text", () => {
    renderIn(
      <EvidenceOf metrics={shopMetrics()}>
        <StepQuotes stepId="checkout" />
      </EvidenceOf>,
    );
    const quotes = screen.getAllByTestId("measured-quote");
    expect(quotes.map((q) => q.dataset.language)).toEqual(["fa", "en"]);
    expect(quotes[0]!.querySelector("q")!.getAttribute("dir")).toBe("auto");
    expect(quotes[1]!.textContent).toContain("<b>Shipping</b> came as a surprise");
    expect(quotes[1]!.querySelector("b")).toBeNull();
    expect(quotes[0]!.textContent).toContain("Persian");
  });
});
