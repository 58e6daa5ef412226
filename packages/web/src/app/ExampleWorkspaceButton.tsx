import { useState } from "react";
import { useLocation } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { useSession } from "./SessionProvider.js";
import { useErrorMessage } from "./useErrorMessage.js";
import { createExampleWorkspace } from "./workspaceApi.js";

/** Creates the example workspace (personas, touchpoints, four maps) and opens it. */
export function ExampleWorkspaceButton() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={busy}
        data-testid="example-workspace"
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const workspace = await createExampleWorkspace();
            await refresh();
            navigate(`~/w/${workspace.id}`);
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        {busy ? t("common.state.loading") : t("shell.exampleWorkspace")}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
