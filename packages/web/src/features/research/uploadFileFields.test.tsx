// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../app/testing/renderWithI18n.js";
import { NoteComposer } from "./NoteComposer.js";
import { SurveyUploadForm } from "./SurveyUploadForm.js";

afterEach(cleanup);

// The browser's own file button and "No file chosen" stay in the browser's language; the research uploads use the
// app's file field instead, which speaks the UI language and names the chosen file.
describe("research upload file fields", () => {
  it("ask for a transcript in Russian and name the chosen one", async () => {
    renderWithI18n(<NoteComposer workspaceId="w1" studyId="s1" participants={[]} />, "ru");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("note-mode-upload"));
    const composer = screen.getByTestId("note-composer");
    expect(within(composer).getByText("Выбрать файл…")).toBeTruthy();
    expect(screen.getByTestId("note-file-name").textContent).toBe("Файл не выбран");
    expect(screen.getByTestId("note-file").className).toContain("visually-hidden");
    const submit = screen.getByTestId("note-save");
    expect(submit).toHaveProperty("disabled", true);

    await user.upload(screen.getByLabelText("Файл расшифровки"), new File(["Привет"], "интервью.txt"));
    expect(screen.getByTestId("note-file-name").textContent).toBe("интервью.txt");
    expect(submit).toHaveProperty("disabled", false);
  });

  it("ask for a survey export in Russian and name the chosen one", async () => {
    renderWithI18n(<SurveyUploadForm workspaceId="w1" studyId="s1" onUploaded={() => {}} onCancel={() => {}} />, "ru");
    expect(within(screen.getByTestId("survey-upload")).getByText("Выбрать файл…")).toBeTruthy();
    expect(screen.getByTestId("survey-file-name").textContent).toBe("Файл не выбран");
    expect(screen.getByTestId("survey-upload-submit")).toHaveProperty("disabled", true);

    await userEvent.upload(screen.getByLabelText("Выгрузка опроса"), new File(["a,b\n1,2\n"], "опрос.csv"));
    expect(screen.getByTestId("survey-file-name").textContent).toBe("опрос.csv");
    expect(screen.getByTestId("survey-upload-submit")).toHaveProperty("disabled", false);
  });
});
