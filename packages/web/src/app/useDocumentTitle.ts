import { useEffect } from "react";
import { useT } from "../i18n/I18nProvider.js";

/**
 * Keeps the tab's title on `title` (followed by the app's name) while the screen is open, and gives the tab back the
 * app's name when it closes, so a map's name never lingers on the next screen.
 */
export function useDocumentTitle(title: string | undefined): void {
  const t = useT();
  const app = t("common.app.title");
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
  useEffect(() => () => void (document.title = app), [app]);
}
