// @vitest-environment jsdom
import { buildMapFromTemplate, type SurveyImportResult, type SurveyUploaded } from "@opencjm/core";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import type { UiLocale } from "../../i18n/locales.js";
import { SurveyImportDialog } from "./SurveyImportDialog.js";

const SNAPSHOT = buildMapFromTemplate("ecommerce", { locale: "en" });
const STEP = SNAPSHOT.steps[1]!;
const UPLOADED: SurveyUploaded = {
  surveyId: "srv1",
  studyId: "st1",
  fileName: "опрос.csv",
  charset: "windows-1251",
  respondents: 3,
  columns: [
    { column: 0, header: "Participant", suggestedScale: null, samples: ["P01"] },
    { column: 1, header: "Email", suggestedScale: null, samples: ["ana@example.test"] },
    { column: 2, header: "How likely are you to recommend us?", suggestedScale: "nps", samples: ["10", "9"] },
    { column: 3, header: "Submitted at", suggestedScale: null, samples: ["2026-01-01"] },
    { column: 4, header: "What was hard?", suggestedScale: "text", samples: ["Slow"] },
  ],
  suggestedRespondent: { column: 1, kind: "email" },
  suggestedParticipantColumn: 0,
};
const RESULT: SurveyImportResult = {
  surveyId: "srv1",
  respondents: 2,
  answers: 3,
  customersJoined: 1,
  participantsLinked: 1,
  notKept: [
    { row: 2, column: 0, header: "Participant", value: "P99", reason: "unknown_participant" },
    { row: 3, column: 2, header: "How likely are you to recommend us?", value: "<b>11</b>", reason: "not_on_scale" },
  ],
  notKeptTotal: 5,
};

/** A real HTTP server standing in for the API; every request is recorded with its body. */
let server: Server;
const realFetch = globalThis.fetch;
const requests: Array<{ line: string; body: unknown }> = [];
beforeEach(async () => {
  requests.length = 0;
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const line = `${req.method} ${req.url}`;
      requests.push({ line, body: text ? JSON.parse(text) : undefined });
      const answer = line.endsWith("/surveys/upload")
        ? UPLOADED
        : line.endsWith("/mapping")
          ? RESULT
          : line.includes("/maps/m1")
            ? { id: "m1", snapshot: SNAPSHOT }
            : { surveyId: "srv1", fileName: UPLOADED.fileName, answers: 0, quotes: 0 };
      res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  globalThis.fetch = (input, init) => realFetch(new URL(String(input), base), { ...init, signal: undefined });
});
afterEach(async () => {
  cleanup();
  globalThis.fetch = realFetch;
  await new Promise((resolve) => server.close(resolve));
});

let closed = 0;
/** Opens the dialog and uploads a file, up to the mapping step. */
async function uploadToMapping(locale: UiLocale = "en") {
  closed = 0;
  renderWithI18n(
    <SurveyImportDialog workspaceId="w1" studyId="st1" studyMapIds={["m1"]} onClose={() => closed++} />,
    locale,
  );
  const file = new File(["Participant,Email\nP01,ana@example.test\n"], "опрос.csv", { type: "text/csv" });
  await userEvent.upload(screen.getByTestId("survey-file"), file);
  await userEvent.click(screen.getByTestId("survey-upload-submit"));
  return screen.findByTestId("survey-mapping");
}

describe("importing a survey", () => {
  it("fills in and marks the server's suggestions, and imports the mapping as confirmed", async () => {
    const mapping = await uploadToMapping();
    const upload = requests.find((r) => r.line === "POST /api/workspaces/w1/research/surveys/upload")!;
    expect(upload.body).toMatchObject({ studyId: "st1", fileName: "опрос.csv" });
    expect(mapping.textContent).toContain("3 respondents");
    expect(mapping.textContent).toContain("read as windows-1251");

    expect(screen.getByTestId<HTMLSelectElement>("survey-scale-2").value).toBe("nps");
    expect(screen.getByTestId<HTMLSelectElement>("survey-scale-4").value).toBe("text");
    expect(screen.getByTestId<HTMLSelectElement>("survey-scale-3").value).toBe("");
    expect(screen.getAllByTestId("survey-suggested").map((s) => s.textContent)).toEqual([
      "Suggested: NPS 0–10",
      "Suggested: Free text",
    ]);
    expect(screen.getByLabelText<HTMLSelectElement>(/Respondent identifier/).value).toBe("1");
    expect(screen.getByLabelText<HTMLSelectElement>("Kind of identifier").value).toBe("email");
    expect(screen.getByLabelText<HTMLSelectElement>(/Participant code/).value).toBe("0");
    const identifying = screen
      .getAllByTestId("survey-question")
      .filter((row) => row.textContent?.includes("Identifies"));
    expect(identifying.map((row) => row.dataset.column)).toEqual(["0", "1"]);

    const stepPicker = await screen.findByLabelText("Step of How likely are you to recommend us?");
    await waitFor(() => expect(within(stepPicker).getByRole("option", { name: STEP.name })).toBeTruthy());
    await userEvent.selectOptions(stepPicker, within(stepPicker).getByRole("option", { name: STEP.name }));
    await userEvent.selectOptions(screen.getByLabelText("Scale of What was hard?"), "likert5");
    expect(screen.getByTestId("survey-mapping-summary").textContent).toBe(
      "2 questions will be imported, 1 of them on a step.",
    );
    expect(requests.some((r) => r.line.endsWith("/mapping"))).toBe(false);

    await userEvent.click(screen.getByTestId("survey-mapping-confirm"));
    await screen.findByTestId("survey-report");
    const sent = requests.find((r) => r.line === "POST /api/workspaces/w1/research/surveys/srv1/mapping")!;
    expect(sent.body).toEqual({
      questions: [
        { column: 2, scale: "nps", mapId: "m1", stepId: STEP.id },
        { column: 4, scale: "likert5", mapId: null, stepId: null },
      ],
      respondent: { column: 1, kind: "email" },
      participantColumn: 0,
    });
  });

  it("reports what was kept and every answer not kept with its reason, in Russian, values as text", async () => {
    await uploadToMapping("ru");
    await userEvent.click(screen.getByTestId("survey-mapping-confirm"));
    const report = await screen.findByTestId("survey-report");
    expect([...report.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Сохранено 3 ответа от респондентов: 2",
      "1 респондент связан с клиентом",
      "1 респондент связан с участником",
    ]);
    expect(report.textContent).toContain("Не сохранено 5 ответов или связей:");
    const rows = screen
      .getAllByTestId<HTMLTableRowElement>("survey-not-kept-row")
      .map((r) => [...r.cells].map((c) => c.textContent));
    expect(rows).toEqual([
      ["2", "Participant", "P99", "ни у одного участника исследования нет такого кода"],
      ["3", "How likely are you to recommend us?", "<b>11</b>", "не значение шкалы вопроса"],
    ]);
    expect(report.querySelector("b")).toBeNull();
    expect(report.textContent).toContain("…и ещё 3, не показаны.");
    await userEvent.click(screen.getByTestId("survey-import-done"));
    expect(closed).toBe(1);
    expect(requests.filter((r) => r.line.startsWith("DELETE"))).toEqual([]);
  });

  it("deletes the upload when the dialog is closed before the mapping is confirmed", async () => {
    await uploadToMapping();
    await userEvent.click(within(screen.getByTestId("survey-mapping")).getByRole("button", { name: "Cancel" }));
    expect(closed).toBe(1);
    await waitFor(() =>
      expect(requests.map((r) => r.line)).toContain("DELETE /api/workspaces/w1/research/surveys/srv1"),
    );
  });
});
