import { useLocation } from "wouter";
import { buttonClassName } from "../../app/Button.js";
import { MenuItem, MenuNote } from "../../app/Menu.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { useCreateFutureState } from "./compareQueries.js";
import type { FutureStateOrigin } from "./FutureStateNotice.js";

/** Copies a map as a draft future state and opens the copy, saying so; `allowed` is false for those who may not create maps. */
function useFutureStateAction(workspaceId: string, mapId: string, title: string) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { roleIn } = useSession();
  const [, navigate] = useLocation();
  const creating = useCreateFutureState(workspaceId);
  const role = roleIn(workspaceId);
  return {
    allowed: role === "owner" || role === "editor",
    busy: creating.isPending || creating.isSuccess,
    error: creating.error ? errorMessage(creating.error) : null,
    create: () =>
      creating.mutate(
        { mapId, title: t("compare.futureTitle", { title }).slice(0, 200) },
        {
          // The copy looks just like the original: its editor says so, and leads back (FutureStateNotice).
          onSuccess: (created) =>
            navigate(`~/w/${workspaceId}/maps/${created.map.id}`, {
              state: { futureStateOf: { mapId, title } } satisfies FutureStateOrigin,
            }),
        },
      ),
  };
}

/** "Create future state from this map": copies the map as a draft future state and opens the copy in the editor. */
export function CreateFutureStateButton({
  workspaceId,
  mapId,
  title,
  className = buttonClassName(),
}: {
  workspaceId: string;
  mapId: string;
  title: string;
  className?: string;
}) {
  const t = useT();
  const action = useFutureStateAction(workspaceId, mapId, title);
  if (!action.allowed) return null;
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={action.busy}
        data-testid="create-future-state"
        onClick={action.create}
      >
        {t("compare.createFutureState")}
      </button>
      {action.error && (
        <span role="alert" className="field-error">
          {action.error}
        </span>
      )}
    </>
  );
}

/** The same action as an entry of a map's menu; the menu stays open until the copy opens or the error is shown. */
export function CreateFutureStateMenuItem({
  workspaceId,
  mapId,
  title,
}: {
  workspaceId: string;
  mapId: string;
  title: string;
}) {
  const t = useT();
  const action = useFutureStateAction(workspaceId, mapId, title);
  if (!action.allowed) return null;
  return (
    <>
      <MenuItem
        testId="create-future-state"
        disabled={action.busy}
        onSelect={(event) => {
          event.preventDefault();
          action.create();
        }}
      >
        {t("compare.createFutureState")}
      </MenuItem>
      {action.error && (
        <MenuNote>
          <span role="alert" className="field-error">
            {action.error}
          </span>
        </MenuNote>
      )}
    </>
  );
}
