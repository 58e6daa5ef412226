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

  it("escapes what would start a list, a rule or a heading underline so it reads as written (hostile names)", () => {
    const input = demoExportInput();
    const step = input.snapshot.steps[0]!;
    input.snapshot.steps[0] = { ...step, name: "1. Search", description: "2) compare\n- not a list\n===\n+ plus\n---" };
    const md = exportMarkdownOutline(input);
    expect(md).toContain("### 1\\. Search\n");
    expect(md).not.toContain("\\1.");
    expect(md).toContain("2\\) compare  \n  \\- not a list  \n  \\===  \n  \\+ plus  \n  \\---");
  });

  it("describes each touchpoint its cards use, with its channel", () => {
    const input = demoExportInput();
    const used = input.touchpoints.find((t) =>
      input.snapshot.cells.some((c) => c.cards.some((k) => k.kind === "touchpoint" && k.touchpointId === t.id)),
    )!;
    input.touchpoints = input.touchpoints.map((t) => (t.id === used.id ? { ...t, description: "Shown 3× a day" } : t));
    const md = exportMarkdownOutline(input);
    expect(md).toContain("## Touchpoints\n");
    expect(md).toMatch(new RegExp(`- \\*\\*${used.name}\\*\\* \\([^)]+\\) — Shown 3× a day`));
  });

  it("writes its labels in the map's language", () => {
    expect(exportMarkdownOutline(templateExportInput("ru"))).toContain("## Этап:");
    expect(exportMarkdownOutline(templateExportInput("fa"))).toContain("## مرحله:");
  });
});
