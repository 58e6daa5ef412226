import { useState } from "react";
import { useLocation } from "wouter";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { createFutureState } from "./compareApi.js";

/** "Create future state from this map": copies the map as a draft future state and opens the copy in the editor. */
export function CreateFutureStateButton({
  workspaceId,
  mapId,
  title,
  className = "btn",
  onDone,
}: {
  workspaceId: string;
  mapId: string;
  title: string;
  className?: string;
  onDone?: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = roleIn(workspaceId);
  if (role !== "owner" && role !== "editor") return null;
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={busy}
        data-testid="create-future-state"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const created = await createFutureState(
              workspaceId,
              mapId,
              t("compare.futureTitle", { title }).slice(0, 200),
            );
            onDone?.();
            navigate(`~/w/${workspaceId}/maps/${created.map.id}`);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        {t("compare.createFutureState")}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
