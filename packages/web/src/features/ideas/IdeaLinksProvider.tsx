import type { Idea, IdeaAnchorInput } from "@opencjm/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { memberListQuery } from "../members/membersQueries.js";
import { IdeaDialog } from "./IdeaDialog.js";
import { IdeaLinksContext, type IdeaLinks } from "./IdeaLinksContext.js";
import { ideaListQuery } from "./ideasQueries.js";

/**
 * Loads the ideas linked to the map in the editor, so its cards can show how many ideas link to them, and hosts
 * the editor of a new idea started from a card or cell.
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
  const members = useQuery({ ...memberListQuery(workspaceId), enabled: canWrite });
  const [creating, setCreating] = useState<IdeaAnchorInput | null>(null);
  const value = useMemo((): IdeaLinks => {
    const ideasByCard = new Map<string, Idea[]>();
    for (const idea of ideas.data ?? [])
      for (const anchor of idea.anchors)
        if (anchor.mapId === mapId && anchor.cardId !== null && !anchor.missing)
          ideasByCard.set(anchor.cardId, [...(ideasByCard.get(anchor.cardId) ?? []), idea]);
    return { workspaceId, mapId, canWrite, ideasByCard, create: (anchor) => setCreating({ ...anchor, mapId }) };
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
    </IdeaLinksContext.Provider>
  );
}
