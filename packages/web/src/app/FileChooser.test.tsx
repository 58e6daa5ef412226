// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { FileChooser } from "./FileChooser.js";
import { renderWithI18n } from "./testing/renderWithI18n.js";

afterEach(cleanup);

describe("file chooser", () => {
  it("speaks the UI language instead of the browser's, then names the chosen file", async () => {
    const chosen: Array<File | undefined> = [];
    renderWithI18n(<FileChooser label="Файл" onChoose={(f) => chosen.push(f)} testId="pick" />, "ru");
    expect(screen.getByText("Выбрать файл…")).toBeTruthy();
    expect(screen.getByTestId("pick-name").textContent).toBe("Файл не выбран");
    const file = new File(["{}"], "карта.json", { type: "application/json" });
    await userEvent.setup().upload(screen.getByLabelText("Файл"), file);
    expect(screen.getByTestId("pick-name").textContent).toBe("карта.json");
    expect(chosen).toEqual([file]);
  });
});
