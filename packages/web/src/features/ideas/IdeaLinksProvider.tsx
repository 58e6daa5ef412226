import type { Idea, IdeaAnchorInput } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { memberListQuery } from "../members/membersQueries.js";
import { IdeaDialog } from "./IdeaDialog.js";
import { anchorPlaceKey, IdeaLinksContext, type IdeaLinks } from "./IdeaLinksContext.js";
import { ideaListQuery } from "./ideasQueries.js";

/** Adds an idea to the list kept under `key`. */
function addTo(map: Map<string, Idea[]>, key: string, idea: Idea): void {
  map.set(key, [...(map.get(key) ?? []), idea]);
}

/**
 * Loads the ideas linked to the map in the editor, so its cards, cells and step headers can show the ideas anchored
 * to them, and hosts the editor of an idea opened from one of them or started from a card or cell.
 */
export function IdeaLinksProvider({
  workspaceId,
  mapId,
  canWrite,
  children,
}: {
  workspaceId: string;
  mapId: string;
  canWrite: boolean;
  children: ReactNode;
}) {
  const ideas = useQuery(ideaListQuery(workspaceId, { mapId }));
  const [creating, setCreating] = useState<IdeaAnchorInput | null>(null);
  const [opened, setOpened] = useState<Idea | null>(null);
  const members = useQuery({ ...memberListQuery(workspaceId), enabled: canWrite || opened !== null });
  const value = useMemo((): IdeaLinks => {
    const ideasByCard = new Map<string, Idea[]>();
    const ideasByPlace = new Map<string, Idea[]>();
    for (const idea of ideas.data ?? [])
      for (const anchor of idea.anchors) {
        if (anchor.mapId !== mapId || anchor.missing) continue;
        if (anchor.cardId !== null) addTo(ideasByCard, anchor.cardId, idea);
        else if (anchor.stepId !== null) addTo(ideasByPlace, anchorPlaceKey(anchor.stepId, anchor.laneId), idea);
      }
    return {
      workspaceId,
      mapId,
      canWrite,
      ideasByCard,
      ideasByPlace,
      open: setOpened,
      create: (anchor) => setCreating({ ...anchor, mapId }),
    };
  }, [ideas.data, workspaceId, mapId, canWrite]);
  return (
    <IdeaLinksContext.Provider value={value}>
      {children}
      {creating && (
        <IdeaDialog
          workspaceId={workspaceId}
          anchors={[creating]}
          members={members.data ?? []}
          canWrite={canWrite}
          onClose={() => setCreating(null)}
        />
      )}
      {opened && (
        <IdeaDialog
          key={opened.id}
          workspaceId={workspaceId}
          idea={opened}
          mapId={mapId}
          members={members.data ?? []}
          canWrite={canWrite}
          onClose={() => setOpened(null)}
        />
      )}
    </IdeaLinksContext.Provider>
  );
}
