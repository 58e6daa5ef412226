import { describe, expect, it } from "vitest";
import { demoExportInput, templateExportInput } from "./exportFixtures.js";
import { exportMarkdownOutline } from "./markdownOutline.js";

describe("Markdown export", () => {
  it("outlines the map: title, settings, personas, then each stage and step with its lanes' cards", () => {
    const input = demoExportInput();
    const md = exportMarkdownOutline(input);
    expect(md.startsWith(`# ${input.snapshot.settings.title}\n`)).toBe(true);
    expect(md).toContain("**Goal:** Find out why 68% of mobile carts");
    expect(md).toContain("## Stage: Discover");
    expect(md).toContain("### Sees a spring-race ad");
    expect(md).toContain("- **Customer actions:**\n  - Scrolls Instagram on the tram");
    expect(md).toContain("Instagram story ad (Social media)");
    expect(md.match(/^### /gm)).toHaveLength(input.snapshot.steps.length);
  });

  it("makes user text inert: HTML becomes entities and Markdown syntax is escaped", () => {
    const input = demoExportInput();
    input.snapshot.stages[0] = {
      ...input.snapshot.stages[0]!,
      name: "<img src=x onerror=alert(1)> **bold** [link](javascript:x)",
    };
    const md = exportMarkdownOutline(input);
    expect(md).toContain("## Stage: &lt;img src=x onerror=alert(1)&gt; \\*\\*bold\\*\\* \\[link\\](javascript:x)");
    expect(md).not.toContain("<img");
  });

  it("writes its labels in the map's language", () => {
    expect(exportMarkdownOutline(templateExportInput("ru"))).toContain("## Этап:");
    expect(exportMarkdownOutline(templateExportInput("fa"))).toContain("## مرحله:");
  });
});
