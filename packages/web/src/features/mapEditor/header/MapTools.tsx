import { CompareWithMenu } from "../../compare/CompareWithMenu.js";
import { CreateFutureStateButton } from "../../compare/CreateFutureStateButton.js";
import { MapActivityLink } from "../../activity/MapActivityLink.js";
import { ExchangeMenu } from "../../exchange/ExchangeMenu.js";
import { useSettings } from "../store/useMapView.js";

/** The header's slots for other features: comparison and future state (compare), export and share (exchange), activity. */
export function MapTools({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const settings = useSettings();
  return (
    <>
      <CompareWithMenu workspaceId={workspaceId} mapId={mapId} />
      <CreateFutureStateButton
        workspaceId={workspaceId}
        mapId={mapId}
        title={settings.title}
        className="btn btn-small"
      />
      <ExchangeMenu workspaceId={workspaceId} mapId={mapId} />
      <MapActivityLink mapId={mapId} />
    </>
  );
}
