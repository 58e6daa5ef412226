import type { Page } from "playwright-core";

/** The side-by-side comparison of two maps. */
export class CompareScreen {
  constructor(readonly page: Page) {}

  rows(status?: "added" | "removed" | "changed" | "unchanged") {
    return status
      ? this.page.locator(`[data-testid=compare-row][data-status=${status}]`)
      : this.page.getByTestId("compare-row");
  }

  deltas() {
    return this.page.getByTestId("emotion-delta");
  }

  summary() {
    return this.page.getByTestId("compare-summary");
  }

  resolvedPainPoints() {
    return this.page.getByTestId("pain-resolved");
  }
}
