/// <reference lib="dom" />
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";

/** The research repository — studies, participants, notes, highlights, search — as a user drives it. */
export class ResearchScreen {
  constructor(readonly page: Page) {}

  /** Opens the workspace's list of studies. */
  async open(baseUrl: string, workspaceId: string): Promise<this> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/research`);
    await this.page.getByTestId("new-study").waitFor();
    return this;
  }

  /** Creates a study of a method informing the given maps, and waits for its page. */
  async createStudy(title: string, method: string, mapTitles: string[]): Promise<void> {
    await this.page.getByTestId("new-study").click();
    const dialog = this.page.getByTestId("study-dialog");
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Method").selectOption({ label: method });
    for (const map of mapTitles) await dialog.getByLabel(map).check();
    // The start date from the date picker, whose calendar's code loads as it opens: the 15th of the month shown.
    const from = dialog.getByLabel("From");
    await from.click();
    await this.page.locator('td[data-day$="-15"]:not([data-outside]) button').click();
    expect(await from.getAttribute("data-value")).toMatch(/^\d{4}-\d{2}-15$/);
    await dialog.getByTestId("study-save").click();
    await this.page.getByTestId("study-page").getByRole("heading", { name: title }).waitFor();
  }

  /** Adds a participant with a code, an attribute line and (optionally) a personal name. */
  async addParticipant(code: string, attribute: string, name = ""): Promise<void> {
    await this.page.getByTestId("add-participant").click();
    const dialog = this.page.getByTestId("participant-dialog");
    await dialog.getByLabel("Code").fill(code);
    await dialog.getByLabel("Attributes").fill(attribute);
    await dialog.getByLabel("Consent given").check();
    if (name) await dialog.getByTestId("participant-personal").getByLabel("Name").fill(name);
    await dialog.getByTestId("participant-save").click();
    await dialog.waitFor({ state: "detached" });
    await this.participantRow(code).waitFor();
  }

  participantRow(code: string): Locator {
    return this.page.locator(`[data-testid=participant-row][data-code="${code}"]`);
  }

  /** Types a note of a participant on the study page; the app then opens the note. */
  async addNote(code: string, title: string, text: string): Promise<void> {
    const composer = this.page.getByTestId("note-composer");
    await composer.getByTestId("note-participant").selectOption({ label: code });
    await composer.getByLabel("Title (optional)").fill(title);
    await composer.getByTestId("note-text").fill(text);
    await composer.getByTestId("note-save").click();
    await this.page.getByTestId("note-page").getByRole("heading", { name: title }).waitFor();
  }

  /** Selects words of the open note as a reader would (a real selection, then the mouse button released). */
  async selectWords(words: string): Promise<void> {
    await this.page.getByTestId("note-text-view").evaluate((view, wanted) => {
      const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        view.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
      throw new Error(`"${wanted}" is not in the note`);
    }, words);
  }

  /** The popover over a selection or a highlight. */
  get popover(): Locator {
    return this.page.getByTestId("highlight-popover");
  }

  /** Makes a quote of selected words about a step of the study's map, with tags, and waits for its mark. */
  async highlight(words: string, stepName: string, tags: string): Promise<void> {
    await this.selectWords(words);
    await this.popover.getByTestId("anchor-target").selectOption({ label: stepName });
    await this.popover.getByTestId("picked-anchor").waitFor();
    await this.popover.getByTestId("highlight-tags").fill(tags);
    await this.popover.getByTestId("highlight-save").click();
    await this.popover.waitFor({ state: "detached" });
    await this.mark(words).waitFor();
  }

  /** The mark of a highlight in the open note, by its words. */
  mark(words: string): Locator {
    return this.page.getByTestId("highlight-mark").filter({ hasText: words });
  }

  /** Goes back from a note to its study. */
  async backToStudy(studyTitle: string): Promise<void> {
    await this.page.getByRole("link", { name: studyTitle }).click();
    await this.page.getByTestId("note-composer").waitFor();
  }

  /** Searches every study's highlights for words and returns the results list. */
  async search(baseUrl: string, workspaceId: string, words: string): Promise<Locator> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/research/search`);
    await this.page.getByTestId("search-q").fill(words);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    return this.page.getByTestId("search-results");
  }

  /** Opens a participant's journey on the study page, once the mini-map editor shows it. */
  async openJourney(code: string): Promise<Locator> {
    await this.participantRow(code).getByTestId("open-journey").click();
    const dialog = this.page.getByTestId("journey-dialog");
    await dialog.getByTestId("journey-editor").waitFor();
    return dialog;
  }

  /** The research count on a step header of the map editor. */
  stepBadge(stepId: string): Locator {
    return this.page.locator(`[data-testid=step-header][data-step-id="${stepId}"]`).getByTestId("step-research-badge");
  }

  /** The side panel of a step's research in the map editor. */
  get stepPanel(): Locator {
    return this.page.getByTestId("step-research-panel");
  }
}
