import { useT } from "../i18n/I18nProvider.js";

/** A quiet placeholder while a screen or its data loads. */
export function LoadingScreen() {
  const t = useT();
  return (
    <div role="status" aria-live="polite" style={{ padding: "3rem", textAlign: "center", color: "var(--text-muted)" }}>
      {t("common.state.loading")}
    </div>
  );
}
