import { describe, expect, it } from "vitest";
import { attachmentName, exportPath } from "./exchangeApi.js";
import { embedSnippet } from "./ShareDialog.js";

describe("exchange helpers", () => {
  it("asks for paper and orientation only for a PDF, a size only for a PNG, and the map's language unless one is chosen", () => {
    const choice = { lang: "", paper: "A3", orientation: "portrait", scale: "3", research: false } as const;
    expect(exportPath("ws 1", "m", { ...choice, format: "pdf", lang: "fa" })).toBe(
      "/api/workspaces/ws%201/maps/m/export?format=pdf&lang=fa&paper=A3&orientation=portrait",
    );
    expect(exportPath("w", "m", { ...choice, format: "xlsx" })).toBe("/api/workspaces/w/maps/m/export?format=xlsx");
    expect(exportPath("w", "m", { ...choice, format: "png" })).toBe(
      "/api/workspaces/w/maps/m/export?format=png&scale=3",
    );
    // Automatic: the server picks (twice the screen's density, less for a very large map).
    expect(exportPath("w", "m", { ...choice, format: "png", scale: "" })).toBe(
      "/api/workspaces/w/maps/m/export?format=png",
    );
  });

  it("asks for the map's research only when chosen and only for the PDF and the Excel workbook", () => {
    const choice = { lang: "", paper: "A4", orientation: "landscape", scale: "", research: true } as const;
    expect(exportPath("w", "m", { ...choice, format: "xlsx" })).toBe(
      "/api/workspaces/w/maps/m/export?format=xlsx&research=true",
    );
    expect(exportPath("w", "m", { ...choice, format: "pdf" })).toContain("&research=true");
    expect(exportPath("w", "m", { ...choice, format: "csv" })).not.toContain("research");
    expect(exportPath("w", "m", { ...choice, format: "xlsx", research: false })).not.toContain("research");
  });

  it("reads the UTF-8 file name the server gives, in any script", () => {
    expect(
      attachmentName(
        `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent("سفر مشتری.pdf")}`,
        "map.pdf",
      ),
    ).toBe("سفر مشتری.pdf");
    expect(attachmentName('attachment; filename="plain.csv"', "map.csv")).toBe("plain.csv");
    expect(attachmentName(null, "map.csv")).toBe("map.csv");
  });

  it("builds an embed snippet whose title cannot break out of its attribute", () => {
    const snippet = embedSnippet("https://cjm.example/embed/cjs_abc", 'Map "x"><script>alert(1)</script>');
    expect(snippet).toBe(
      '<iframe src="https://cjm.example/embed/cjs_abc" title="Map &quot;x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" width="100%" height="600" style="border:0" loading="lazy"></iframe>',
    );
  });
});
