import { useT } from "../i18n/I18nProvider.js";

/** Placeholder for a screen still being built. */
export function ComingSoon() {
  const t = useT();
  return <p style={{ padding: "2rem", color: "var(--text-muted)" }}>{t("shell.comingSoon")}</p>;
}
