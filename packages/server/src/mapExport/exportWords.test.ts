import { readFileSync } from "node:fs";
import { LANE_TYPES, LOCALES, type Locale } from "@opencjm/core";
import { describe, expect, it } from "vitest";
import { evidenceName, exportLabel, mapStatusName, mapTypeName, type ExportLabel } from "./exportLabels.js";

const webCatalogues = new URL("../../../web/src/i18n/", import.meta.url);
const screen = (namespace: string, locale: Locale, key: string): unknown =>
  (JSON.parse(readFileSync(new URL(`${namespace}/${locale}.json`, webCatalogues), "utf8")) as Record<string, unknown>)[
    key
  ];

// Words an export prints that a screen shows under its own key: the export's word and the screen's must agree.
const SAME_WORD: Array<[ExportLabel, string, string]> = [
  ["stage", "evidence", "conformance.stage"],
  ["step", "evidence", "conformance.step"],
  ["persona", "home", "filterPersona"],
  ["personas", "home", "personas"],
  ["mapType", "editor", "settings.type"],
  ["status", "editor", "settings.status"],
  ["tags", "editor", "settings.tags"],
  ["scope", "editor", "settings.scope"],
  ["emotionScale", "editor", "settings.scale"],
  ["language", "shell", "language"],
  ["evidence", "cells", "evidence.label"],
  ["severity", "cells", "painPoint.severity"],
  ["rootCause", "cells", "painPoint.rootCause"],
  ["failurePoint", "cells", "process.failurePoint"],
  ["waitPoint", "cells", "process.waitPoint"],
  ["kpiTarget", "cells", "kpi.targetIs"],
  ["name", "personas", "field.name"],
  ["quote", "personas", "field.quote"],
  ["summary", "personas", "field.summary"],
  ["goals", "personas", "field.goals"],
  ["needs", "personas", "field.needs"],
  ["concerns", "personas", "field.concerns"],
  ["frustrations", "personas", "field.frustrations"],
  ["behaviours", "personas", "field.behaviours"],
  ["decisionRole", "personas", "field.decisionRole"],
];

describe("exports and the screen use the same words", () => {
  it.each(LOCALES)("prints in %s the word the screen shows for the same concept", (locale) => {
    const differ = SAME_WORD.filter(([label, ns, key]) => exportLabel(locale, label) !== screen(ns, locale, key)).map(
      ([label, ns, key]) =>
        `${label}: export "${exportLabel(locale, label)}", screen ${ns}.${key} "${String(screen(ns, locale, key))}"`,
    );
    expect(differ).toEqual([]);
  });

  it.each(LOCALES)(
    "names lane types, map types, statuses and evidence in %s from the entries the screen reads",
    (locale) => {
      // The web app reads these as vocabulary.<key> from core and no longer keeps its own copies.
      for (const type of LANE_TYPES) expect(exportLabel(locale, `laneType.${type}`)).not.toBe(`laneType.${type}`);
      expect(mapTypeName("serviceBlueprint", locale)).toBe(exportLabel(locale, "mapType.serviceBlueprint"));
      expect(mapStatusName("archived", locale)).toBe(exportLabel(locale, "mapStatus.archived"));
      expect(evidenceName("research", locale)).toBe(exportLabel(locale, "evidence.research"));
      const webCommon = Object.keys(JSON.parse(readFileSync(new URL(`common/${locale}.json`, webCatalogues), "utf8")));
      expect(webCommon.filter((key) => /^(laneType|mapType|mapStatus|evidence)\./.test(key))).toEqual([]);
    },
  );

  it("uses the screen's Russian words where the exports had their own", () => {
    expect(mapTypeName("futureState", "ru")).toBe("Целевое состояние");
    expect(exportLabel("ru", "failurePoint")).toBe("Точка сбоя");
    expect(exportLabel("ru", "frustrations")).toBe("Что раздражает");
  });
});
