import { KpiSeriesRequestSchema, type KpiSeries } from "@opencjm/core";
import { computeKpiSeriesFor } from "../commands/kpiSeriesComputer.js";
import { DomainError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { readIdeaKpiRecords } from "../store/ideaKpiTransferStore.js";
import { listKpis } from "../store/kpiStore.js";
import { listMembers } from "../store/memberStore.js";
import type { ExportInput, ExportKpi } from "./ExportInput.js";

/** The weekly series of the map's KPIs as the map shows them by default, or none when they cannot be computed. */
async function weeklySeries(
  services: Services,
  workspaceId: string,
  mapId: string,
  kpis: ExportKpi["kpi"][],
): Promise<Map<string, KpiSeries>> {
  if (kpis.length === 0) return new Map();
  try {
    const series = await computeKpiSeriesFor(services, workspaceId, mapId, kpis, KpiSeriesRequestSchema.parse({}));
    return new Map(series.map((s) => [s.kpiId, s]));
  } catch (err) {
    // A map whose data cannot answer (no customer data yet…) still exports, with its KPIs' definitions alone.
    if (err instanceof DomainError) return new Map();
    throw err;
  }
}

/**
 * Adds what the files made for people and for re-import say about the map's ideas and KPIs: each KPI on the map with
 * its owner and weekly series (Excel, PowerPoint, the PDF's appendix), and the records the JSON format carries.
 */
export async function withIdeasAndKpis(
  services: Services,
  workspaceId: string,
  input: ExportInput,
): Promise<ExportInput> {
  const mapId = input.map.id;
  const kpis = await listKpis(services.db, workspaceId, mapId);
  // A KPI's owner is a member (kpiDefiner checks it), so the members' names are the owners'.
  const names = new Map(
    kpis.length ? (await listMembers(services.db, workspaceId)).map((m) => [m.userId, m.name]) : [],
  );
  const series = await weeklySeries(services, workspaceId, mapId, kpis);
  return {
    ...input,
    kpis: kpis.map((kpi) => ({
      kpi,
      ownerName: kpi.ownerId ? (names.get(kpi.ownerId) ?? null) : null,
      series: series.get(kpi.id) ?? null,
    })),
    records: await readIdeaKpiRecords(services.db, workspaceId, mapId),
  };
}
