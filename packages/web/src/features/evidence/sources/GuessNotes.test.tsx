// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithI18n } from "../../../app/testing/renderWithI18n.js";
import { GuessNotes } from "./GuessNotes.js";

afterEach(cleanup);

describe("the notes of the mapping guess", () => {
  it("are worded in the reader's language from their codes, the time note left to the chosen mapping's check", () => {
    renderWithI18n(
      <GuessNotes
        notes={[
          { code: "otherDate", values: { column: "deadline", time: "logged" } },
          { code: "secondIdentifier", values: { column: "contact", kind: "email", first: "email" } },
          { code: "constantTime", values: { column: "opened", rows: 4 } },
        ]}
      />,
      "ru",
    );
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([
      "В «deadline» тоже даты; время события берётся из «logged».",
      expect.stringMatching(/^«contact» тоже похож на идентификатор email;.*«email»\.$/),
    ]);
  });

  it("shows nothing when the guess has nothing to say", () => {
    renderWithI18n(<GuessNotes notes={[{ code: "constantTime", values: { column: "opened", rows: 4 } }]} />);
    expect(screen.queryByTestId("guess-notes")).toBeNull();
  });
});
