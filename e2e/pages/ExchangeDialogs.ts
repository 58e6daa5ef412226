import type { Download, Locator, Page } from "playwright-core";

/** The export, share and import dialogs, as a user drives them. */
export class ExchangeDialogs {
  constructor(readonly page: Page) {}

  /** Opens the editor's "Export and share" menu and picks an entry. */
  private async openFromMenu(entry: "open-export" | "open-share"): Promise<void> {
    await this.page.getByTestId("exchange-menu").click();
    await this.page.getByTestId(entry).click();
  }

  /** Exports through the dialog with a format (and paper for a PDF, size for a PNG) and returns the browser's download. */
  async export(
    format: string,
    options: { paper?: string; orientation?: string; scale?: string; lang?: string } = {},
  ): Promise<Download> {
    await this.openFromMenu("open-export");
    const dialog = this.page.getByTestId("export-dialog");
    await dialog.getByTestId("export-format").selectOption(format);
    if (options.lang) await dialog.getByTestId("export-language").selectOption(options.lang);
    if (options.paper) await dialog.getByTestId("export-paper").selectOption(options.paper);
    if (options.orientation) await dialog.getByTestId("export-orientation").selectOption(options.orientation);
    if (options.scale !== undefined) await dialog.getByTestId("export-scale").selectOption(options.scale);
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      dialog.getByTestId("export-download").click(),
    ]);
    await dialog.getByTestId("export-done").waitFor();
    return download;
  }

  /** Opens the share dialog. */
  async openShare(): Promise<Locator> {
    await this.openFromMenu("open-share");
    const dialog = this.page.getByTestId("share-dialog");
    await dialog.waitFor();
    return dialog;
  }

  /** Creates a share link in the open dialog and returns its URL and embed snippet. */
  async createLink(label: string, expiry = "never"): Promise<{ url: string; embed: string }> {
    const dialog = this.page.getByTestId("share-dialog");
    await dialog.getByTestId("share-label").fill(label);
    await dialog.getByTestId("share-expiry").selectOption(expiry);
    await dialog.getByTestId("share-create").click();
    const url = dialog.getByTestId("share-url");
    await url.waitFor();
    return { url: await url.inputValue(), embed: await dialog.getByTestId("share-embed").inputValue() };
  }

  /** Opens the home screen's import dialog and chooses a file; resolves when the preview is shown. */
  async previewImport(file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
    await this.page.getByTestId("import-map").click();
    const dialog = this.page.getByTestId("import-dialog");
    await dialog.getByTestId("import-file").setInputFiles(file);
    await dialog.getByTestId("import-preview").or(dialog.getByTestId("exchange-error")).waitFor();
    return dialog;
  }
}
