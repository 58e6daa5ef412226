import { buttonClassName } from "../../../app/Button.js";
import { CompareWithMenu } from "../../compare/CompareWithMenu.js";
import { CreateFutureStateButton } from "../../compare/CreateFutureStateButton.js";
import { MapActivityLink } from "../../activity/MapActivityLink.js";
import { KpisLink } from "../../kpis/KpisLink.js";
import { useSettings } from "../store/useMapView.js";

/** The tools under the header's "More": comparison and future state (compare), the map's activity and its KPIs. */
export function MapTools({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const settings = useSettings();
  return (
    <>
      <CompareWithMenu workspaceId={workspaceId} mapId={mapId} />
      <CreateFutureStateButton
        workspaceId={workspaceId}
        mapId={mapId}
        title={settings.title}
        className={buttonClassName("ghost", "small")}
      />
      <MapActivityLink mapId={mapId} />
      <KpisLink mapId={mapId} />
    </>
  );
}
