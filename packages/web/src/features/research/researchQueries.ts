import type { ResearchSearchQuery } from "@opencjm/core";
import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { fetchMapWithSnapshot } from "../ideas/ideasApi.js";
import {
  fetchMapResearch,
  fetchNote,
  fetchNoteHighlights,
  fetchNotes,
  fetchParticipants,
  fetchStudies,
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

/** The research quotes of one map, per step. */
export function mapResearchQuery(workspaceId: string, mapId: string) {
  return queryOptions({
    queryKey: researchKeys.map(workspaceId, mapId),
    queryFn: () => fetchMapResearch(workspaceId, mapId),
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
