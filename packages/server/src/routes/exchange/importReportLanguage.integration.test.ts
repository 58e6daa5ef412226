import { readFileSync } from "node:fs";
import type { MapImportDropped } from "@opencjm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkspace, type TestWorkspace } from "../../testing/factories.js";
import { createTestApp, type TestApp } from "../../testing/testApp.js";
import { testDialects } from "../../testing/testDatabases.js";

const OJF = readFileSync(
  new URL(
    "../../../../../../shared/cjm-research-data/journey-maps/openjourney-ojf/ecommerce-purchase.ojf",
    import.meta.url,
  ),
  "utf8",
);
// A text no map holds (a title past 200 characters) and fields no map has, beside the file's own tags.
const file = () => {
  const ojf = JSON.parse(OJF) as Record<string, unknown>;
  return { name: "ecommerce.ojf", content: JSON.stringify({ ...ojf, title: "Long ".repeat(50), author: "Someone" }) };
};

describe.each(testDialects)("the import dry run in the reader's language on %s", (dialect) => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ws = await buildWorkspace(t.services.db);
  });
  afterAll(() => t.dispose());

  /** The dry run's dropped items for an editor whose account speaks `account`, from a browser asking for `browser`. */
  async function dropped(account: string, browser = account): Promise<MapImportDropped[]> {
    const editor = ws.users.editor;
    await t.services.db.kysely.updateTable("users").set({ locale: account }).where("id", "=", editor.id).execute();
    const res = await t.request("POST", `/api/workspaces/${ws.id}/maps/import/preview`, {
      headers: { ...editor.headers, "accept-language": browser },
      body: file(),
    });
    expect(res.status).toBe(200);
    return (res.body.report as { dropped: MapImportDropped[] }).dropped;
  }

  it("gives the reasons in Russian and Persian for the same dropped texts, at the same places, as in English", async () => {
    const en = await dropped("en");
    const where = (items: MapImportDropped[]) =>
      items.map(({ path, code, values, texts }) => ({ path, code, values, texts }));
    const reasonOf = (items: MapImportDropped[], path: string) => items.find((d) => d.path === path)?.reason;
    expect(reasonOf(en, "nodes[].tags")).toBe("cards have no tags (4 nodes)");
    expect(reasonOf(en, "title")).toBe("a map title holds at most 200 characters");
    expect(reasonOf(en, "author")).toBe("the map has no place for “author”");

    const ru = await dropped("ru");
    expect(where(ru)).toEqual(where(en));
    expect(reasonOf(ru, "nodes[].tags")).toBe("у карточек нет тегов (4 узла)");
    expect(reasonOf(ru, "title")).toBe("название карты — не более 200 символов");
    expect(reasonOf(ru, "author")).toBe("в карте нет места для «author»");

    const fa = await dropped("fa");
    expect(where(fa)).toEqual(where(en));
    expect(reasonOf(fa, "nodes[].tags")).toBe("کارت‌ها برچسب ندارند (۴ گره)");
    expect(reasonOf(fa, "title")).toBe("عنوان نقشه حداکثر ۲۰۰ نویسه است");
    expect(reasonOf(fa, "author")).toBe("نقشه جایی برای «author» ندارد");

    // No reason is left in English: every one the file gives rise to has its words in both languages.
    for (const items of [ru, fa])
      items.forEach((d, i) => expect([d.path, d.reason]).not.toEqual([d.path, en[i]!.reason]));
  });

  it("follows the account's language over the browser's", async () => {
    const items = await dropped("ru", "fa-IR,fa;q=0.9");
    expect(items.find((d) => d.path === "nodes[].tags")?.reason).toBe("у карточек нет тегов (4 узла)");
  });
});
