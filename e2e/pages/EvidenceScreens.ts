/// <reference lib="dom" />
import type { Locator, Page } from "playwright-core";

/** The customer-data screen: sources, the import wizard and the import history. */
export class DataSourcesScreen {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, workspaceId: string): Promise<this> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/data`);
    await this.page.getByTestId("data-sources-page").waitFor();
    return this;
  }

  /** Creates a source and leaves its import wizard open. */
  async createSource(name: string, kind: string): Promise<void> {
    await this.page.getByTestId("new-source").click();
    await this.page.getByTestId("source-name").fill(name);
    await this.page.getByTestId("source-kind").selectOption(kind);
    await this.page.getByTestId("create-source").click();
    // The previous source's wizard may still be open until the new source is created: wait for this one's.
    await this.page.locator(`[data-testid=import-wizard][data-source-name="${name}"]`).waitFor();
  }

  /** Opens the import wizard of an existing source. */
  async importInto(name: string): Promise<void> {
    await this.page.getByTestId("source").filter({ hasText: name }).getByTestId("import-into").click();
    await this.page.locator(`[data-testid=import-wizard][data-source-name="${name}"]`).waitFor();
  }

  get wizard(): Locator {
    return this.page.getByTestId("import-wizard");
  }

  /** Gives the wizard a file as the file picker would. */
  async chooseFile(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByTestId("file-input").setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
  }

  /** Drops a file on the drop zone, as dragging it from the desktop would. */
  async dropFile(name: string, bytes: Buffer): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: "text/csv" }));
        return dt;
      },
      { name, data: bytes.toString("base64") },
    );
    await this.page.getByTestId("file-drop").dispatchEvent("drop", { dataTransfer: transfer });
  }

  get preview(): Locator {
    return this.page.getByTestId("file-preview");
  }

  /** Sets the role of one column of the file. */
  async mapColumn(column: string, role: string): Promise<void> {
    await this.page
      .locator(`[data-testid=mapping-row][data-column="${column}"] [data-testid=mapping-role]`)
      .selectOption(role);
  }

  async startImport(): Promise<void> {
    await this.page.getByTestId("start-import").click();
  }

  get done(): Locator {
    return this.page.getByTestId("import-done");
  }

  get problem(): Locator {
    return this.page.getByTestId("import-problem").first();
  }

  historyRows(): Locator {
    return this.page.getByTestId("import-row");
  }
}

/** Touchpoints and their rules, and the events no rule takes yet. */
export class TouchpointRulesScreen {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, workspaceId: string): Promise<this> {
    await this.page.goto(`${baseUrl}/w/${workspaceId}/data/touchpoints`);
    await this.page.getByTestId("touchpoint-rules-page").waitFor();
    return this;
  }

  async pick(touchpointName: string): Promise<void> {
    await this.page.getByTestId("catalogue-touchpoint").filter({ hasText: touchpointName }).click();
    await this.page.getByTestId("touchpoint-rules").waitFor();
  }

  /** The (first) rule editor of the open panel or dialog. */
  editor(root: Page | Locator = this.page): Locator {
    return root.getByTestId("rule-editor").last();
  }

  unmapped(eventName: string): Locator {
    return this.page.locator(`[data-testid=unmapped-event][data-event-name="${eventName}"]`);
  }
}

/** Types event names into a rule editor and saves it once the live counts are in. */
export async function linkEvents(editor: Locator, names: string[]): Promise<void> {
  for (const name of names) {
    await editor.getByTestId("event-name-input").fill(name);
    await editor.getByTestId("event-name-input").press("Enter");
  }
}

/** The map editor's data view. */
export class EvidenceOnMap {
  constructor(readonly page: Page) {}

  step(stepId: string): Locator {
    return this.page.locator(`[data-testid=step-evidence][data-step-id="${stepId}"]`);
  }

  /** Customers reached per step, as the data lane says. */
  async customers(stepIds: string[]): Promise<Array<number | null>> {
    return Promise.all(
      stepIds.map(async (id) =>
        (await this.step(id).count()) ? Number(await this.step(id).getAttribute("data-customers")) : null,
      ),
    );
  }

  get bar(): Locator {
    return this.page.getByTestId("evidence-bar");
  }
}
