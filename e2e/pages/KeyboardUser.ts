/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { eventually } from "../mapEditorFixture.js";

/** What has the keyboard focus, as a test reads it (never to move it). */
export interface Focused {
  /** The grid's `data-focus-key` (`cell:…`, `step:…`), or "". */
  key: string;
  testId: string;
  label: string;
  text: string;
  role: string;
  inGrid: boolean;
  inToolbar: boolean;
  /** The `data-card-id` of the card holding the focus (a card's field or button in edit mode), or "". */
  card: string;
  /** The `aria-keyshortcuts` of the card or grid cell holding the focus (the shortcuts it announces), or "". */
  shortcuts: string;
  /** The `data-testid` of the dialog or menu holding the focus, or "". */
  within: string;
  onBody: boolean;
}

/** A user who drives the page with the keyboard alone: keys go in, and only where the focus is is read back. */
export class KeyboardUser {
  constructor(readonly page: Page) {}

  /** The element with the focus. */
  focused(): Promise<Focused> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const holder = el?.closest("[role=dialog], [role=alertdialog], [role=menu], [data-testid=presentation]");
      return {
        key: el?.dataset.focusKey ?? "",
        testId: el?.dataset.testid ?? "",
        label: el?.getAttribute("aria-label") ?? "",
        text: (el?.textContent ?? "").trim(),
        role: el?.getAttribute("role") ?? "",
        inGrid: !!el?.closest("[data-testid=map-grid]"),
        inToolbar: !!el?.closest("[role=toolbar]"),
        card: el?.closest<HTMLElement>("[data-card-id]")?.dataset.cardId ?? "",
        shortcuts: el?.closest("[data-card-id], [data-focus-key]")?.getAttribute("aria-keyshortcuts") ?? "",
        within: holder?.getAttribute("data-testid") ?? "",
        onBody: el === document.body || el === null,
      };
    });
  }

  /** Presses keys (`"Tab"`, `"Control+z"`) in turn. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Types text where the focus is. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /**
   * Presses `key` until the focus is where `wanted` says (at most `max` times), the way a user tabs or arrows along
   * until the thing they look for is highlighted; fails, showing where the focus ended, when it never gets there.
   */
  async pressUntil(key: string, wanted: (f: Focused) => boolean, max = 40): Promise<Focused> {
    for (let i = 0; i < max && !wanted(await this.focused()); i++) await this.pressAndSettle(key);
    const last = await this.focused();
    expect({ ...last, reached: wanted(last) }).toEqual({ ...last, reached: true });
    return last;
  }

  /**
   * Presses a key and waits for the focus to move (at most half a second: at the end of a list it stays). A menu moves
   * its focus a moment after the key (later on a busy machine): read at once, the focus would still be on the item
   * before, and a walk looking for an item would press once too often and overshoot it.
   */
  private async pressAndSettle(key: string): Promise<void> {
    const before = await this.page.evaluateHandle(() => document.activeElement);
    await this.page.keyboard.press(key);
    await this.page
      .waitForFunction((el) => document.activeElement !== el, before, { timeout: 500, polling: "raf" })
      .catch(() => undefined);
    await before.dispose();
  }

  /** Waits until the focus is where `wanted` says (a dialog opening or closing moves it a moment later). */
  async expectFocus(wanted: (f: Focused) => boolean): Promise<void> {
    try {
      await eventually(async () => wanted(await this.focused())).toBe(true);
    } catch (error) {
      // Say where the focus is instead.
      const now = await this.focused();
      expect({ ...now, reached: wanted(now) }).toEqual({ ...now, reached: true });
      throw error;
    }
  }
}
