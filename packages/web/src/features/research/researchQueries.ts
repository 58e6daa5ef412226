import type { ResearchSearchQuery } from "@opencjm/core";
import { infiniteQueryOptions, queryOptions, useQueryClient } from "@tanstack/react-query";
import { fetchMapWithSnapshot } from "../ideas/ideasApi.js";
import {
  fetchMapResearchSummary,
  fetchNote,
  fetchNoteHighlights,
  fetchNotes,
  fetchParticipants,
  fetchStudies,
  fetchStepQuotePage,
  fetchStudy,
  searchResearch,
} from "./researchApi.js";

// Every key starts with the workspace's research, so one change (an erasure) can drop all of it from the cache.
const researchKeys = {
  all: (workspaceId: string) => ["workspace", workspaceId, "research"] as const,
  studies: (workspaceId: string) => ["workspace", workspaceId, "research", "studies"] as const,
  study: (workspaceId: string, studyId: string) => ["workspace", workspaceId, "research", "study", studyId] as const,
  participants: (workspaceId: string, studyId: string) =>
    ["workspace", workspaceId, "research", "participants", studyId] as const,
  notes: (workspaceId: string, studyId: string) => ["workspace", workspaceId, "research", "notes", studyId] as const,
  note: (workspaceId: string, noteId: string) => ["workspace", workspaceId, "research", "note", noteId] as const,
  highlights: (workspaceId: string, noteId: string) =>
    ["workspace", workspaceId, "research", "highlights", noteId] as const,
  search: (workspaceId: string, query: Partial<ResearchSearchQuery>) =>
    ["workspace", workspaceId, "research", "search", query] as const,
  map: (workspaceId: string, mapId: string) => ["workspace", workspaceId, "research", "map", mapId] as const,
  stepQuotes: (workspaceId: string, mapId: string, stepId: string) =>
    ["workspace", workspaceId, "research", "map", mapId, "step", stepId] as const,
  mapBody: (workspaceId: string, mapId: string) => ["workspace", workspaceId, "research", "mapBody", mapId] as const,
};

/** The workspace's studies. */
export function studyListQuery(workspaceId: string) {
  return queryOptions({ queryKey: researchKeys.studies(workspaceId), queryFn: () => fetchStudies(workspaceId) });
}

/** One study. */
export function studyQuery(workspaceId: string, studyId: string) {
  return queryOptions({
    queryKey: researchKeys.study(workspaceId, studyId),
    queryFn: () => fetchStudy(workspaceId, studyId),
  });
}

/** A study's participants. */
export function participantListQuery(workspaceId: string, studyId: string) {
  return queryOptions({
    queryKey: researchKeys.participants(workspaceId, studyId),
    queryFn: () => fetchParticipants(workspaceId, studyId),
  });
}

/** A study's notes, without their text. */
export function noteListQuery(workspaceId: string, studyId: string) {
  return queryOptions({
    queryKey: researchKeys.notes(workspaceId, studyId),
    queryFn: () => fetchNotes(workspaceId, studyId),
  });
}

/** One note with its text. */
export function noteQuery(workspaceId: string, noteId: string) {
  return queryOptions({
    queryKey: researchKeys.note(workspaceId, noteId),
    queryFn: () => fetchNote(workspaceId, noteId),
  });
}

/** One note's highlights. */
export function noteHighlightsQuery(workspaceId: string, noteId: string) {
  return queryOptions({
    queryKey: researchKeys.highlights(workspaceId, noteId),
    queryFn: () => fetchNoteHighlights(workspaceId, noteId),
  });
}

/** Highlights matching the insight search. */
export function researchSearchQuery(workspaceId: string, query: Partial<ResearchSearchQuery>) {
  return queryOptions({
    queryKey: researchKeys.search(workspaceId, query),
    queryFn: () => searchResearch(workspaceId, query),
  });
}

/** The research of one map as counts per step, with each step's newest quotes (never the whole list). */
export function mapResearchSummaryQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: researchKeys.map(workspaceId, mapId),
    queryFn: () => fetchMapResearchSummary(workspaceId, mapId),
  });
}

/** One step's quotes, page by page (newest first), for its research panel. */
export function stepQuotesQuery(workspaceId: string, mapId: string, stepId: string) {
  return infiniteQueryOptions({
    queryKey: researchKeys.stepQuotes(workspaceId, mapId, stepId),
    queryFn: ({ pageParam }) => fetchStepQuotePage(workspaceId, mapId, stepId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

/** One map's body, for the pickers of what a highlight is about. */
export function mapBodyQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: researchKeys.mapBody(workspaceId, mapId),
    queryFn: async () => (await fetchMapWithSnapshot(workspaceId, mapId)).snapshot,
  });
}

/** Asks again for everything of the workspace's research after a change (counts move on several screens at once). */
export function useReloadResearch(workspaceId: string): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: researchKeys.all(workspaceId) });
}
