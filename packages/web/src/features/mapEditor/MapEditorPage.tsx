import { roleAllows } from "@opencjm/core";
import { ApiRequestError } from "../../api/apiClient.js";
import { useMemo } from "react";
import { LoadingScreen } from "../../app/LoadingScreen.js";
import { useSession } from "../../app/SessionProvider.js";
import { useMapDocument } from "../../collab/useMapDocument.js";
import { LiveMapEditor } from "./LiveMapEditor.js";
import { MapLoadError } from "./MapLoadError.js";
import { usePrefetchEditorData } from "./usePrefetchEditorData.js";
import { useMapResources } from "./useMapResources.js";

/**
 * The map editor screen: loads the map's summary and the workspace catalogue, opens the live document, and decides
 * from the user's role whether they may edit (owners and editors) or only watch (commenters and viewers).
 */
export default function MapEditorPage({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const { session, roleIn } = useSession();
  const resources = useMapResources(workspaceId, mapId);
  const connection = useMapDocument(mapId, workspaceId);
  usePrefetchEditorData(workspaceId, mapId);
  const role = roleIn(workspaceId);
  const readOnly = !role || !roleAllows(role, "write");
  const me = useMemo(
    () => ({ id: session?.user.id ?? "", name: session?.user.name ?? "" }),
    [session?.user.id, session?.user.name],
  );

  if (resources.state === "failed") return <MapLoadError error={resources.error} onRetry={resources.retry} />;
  if (connection?.denied) return <MapLoadError error="denied" />;
  // The live connection failed before the map ever arrived: say so (the provider keeps retrying, and the editor
  // appears as soon as it gets through). With the map already in from the API, the editor opens and says it is offline.
  if (connection && !connection.ready && connection.status === "disconnected")
    return <MapLoadError error={new ApiRequestError(0, "network", "collaboration endpoint unreachable")} />;
  if (resources.state === "loading" || !connection?.ready || !session) return <LoadingScreen />;
  return (
    <LiveMapEditor
      connection={connection}
      catalogue={resources.catalogue}
      personas={resources.personas}
      readOnly={readOnly}
      me={me}
      workspaceId={workspaceId}
      mapId={mapId}
    />
  );
}
