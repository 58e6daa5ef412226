// @vitest-environment jsdom
import type { CustomerSurveyAnswer } from "@opencjm/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { CustomerSurveyAnswers } from "./CustomerSurveyAnswers.js";

const answer = (over: Partial<CustomerSurveyAnswer>): CustomerSurveyAnswer => ({
  surveyId: "srv_1",
  fileName: "checkout.csv",
  studyTitle: "Checkout survey",
  question: "What was hard?",
  scale: "text",
  mapId: "map_1",
  mapTitle: "Online shop",
  stepId: "st_pay",
  stepName: "Pays",
  value: null,
  text: null,
  importedAt: "2026-03-01T09:00:00.000Z",
  ...over,
});

afterEach(cleanup);

describe("a customer's survey answers on their timeline", () => {
  it("lists survey, question, step, the value on its scale or their words, and the date", () => {
    renderWithI18n(
      <CustomerSurveyAnswers
        answers={[
          answer({ text: "<b>Too</b> many steps" }),
          answer({
            question: "Ease (CES)",
            scale: "ces",
            value: 6,
            mapId: null,
            mapTitle: null,
            stepId: null,
            stepName: null,
          }),
        ]}
      />,
    );
    const rows = screen
      .getAllByTestId("customer-survey-answer")
      .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toEqual([
      [
        "checkout.csv · Checkout survey",
        "What was hard?",
        "Pays on “Online shop”",
        "<b>Too</b> many steps",
        "Mar 1, 2026",
      ],
      ["checkout.csv · Checkout survey", "Ease (CES)", "not on a map", "6 (CES 1–7)", "Mar 1, 2026"],
    ]);
    expect(screen.getByTestId("customer-survey-answers").querySelector("b")).toBeNull();
  });

  it("shows nothing for a customer who answered no survey, and speaks Persian right to left", () => {
    renderWithI18n(<CustomerSurveyAnswers answers={[]} />);
    expect(screen.queryByTestId("customer-survey-answers")).toBeNull();
    renderWithI18n(<CustomerSurveyAnswers answers={[answer({ scale: "nps", value: 9 })]} />, "fa");
    expect(screen.getByRole("heading").textContent).toBe("پاسخ‌های پرسش‌نامه");
    expect(screen.getByTestId("customer-survey-answer").textContent).toContain("Pays در «Online shop»");
    expect(screen.getByTestId("customer-survey-answer").textContent).toContain("۹");
  });
});
