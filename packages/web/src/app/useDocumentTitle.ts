import { useEffect } from "react";
import { useT } from "../i18n/I18nProvider.js";

/**
 * Keeps the tab's title on `title` (followed by the app's name) while the screen is open, and gives the tab back the
 * app's name when it closes, so a map's name never lingers on the next screen. `alone` leaves the app's name out:
 * a printed page's title becomes the PDF's document title, which is the map's name and nothing else.
 */
export function useDocumentTitle(title: string | undefined, { alone = false }: { alone?: boolean } = {}): void {
  const t = useT();
  const app = t("common.app.title");
  useEffect(() => {
    document.title = title ? (alone ? title : `${title} · ${app}`) : app;
  }, [title, app, alone]);
  useEffect(() => () => void (document.title = app), [app]);
}
