import { readMapResearch } from "../commands/mapResearchReader.js";
import { readMapJourneys } from "../commands/participantJourneyReader.js";
import { readMapSurveyScores } from "../commands/surveyScoresReader.js";
import type { Services } from "../services.js";
import type { ExportInput } from "./ExportInput.js";

/**
 * Adds the map's research to an export: its participants' journeys aggregated per step, its quotes per step (with
 * participant codes, never personal fields) and its survey scores. Callers decide who may see it: a member who asked
 * for it, or a share link whose sharer included it.
 */
export async function withResearch(services: Services, workspaceId: string, input: ExportInput): Promise<ExportInput> {
  const mapId = input.map.id;
  const journeys = await readMapJourneys(services, workspaceId, mapId);
  const { quotes } = await readMapResearch(services, workspaceId, mapId);
  const surveys = await readMapSurveyScores(services, workspaceId, mapId);
  return { ...input, research: { journeys, quotes, surveys } };
}
