import { useContext } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { CommentsStateContext } from "./CommentsContext.js";

/** The editor header's button that opens every open thread of the map, with how many there are. */
export function CommentsButton() {
  const t = useT();
  const state = useContext(CommentsStateContext);
  if (!state) return null;
  const open = state.threads.filter((thread) => thread.status === "open").length;
  return (
    <button type="button" className="btn btn-small" data-testid="comments-button" onClick={() => state.open()}>
      {t("comments.button", { count: open })}
    </button>
  );
}
