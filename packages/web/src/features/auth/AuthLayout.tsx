import type { ReactNode } from "react";
import { LanguageSwitcher } from "../../app/LanguageSwitcher.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./AuthPage.module.css";

/** The frame of the sign-in and sign-up pages: language picker, product name and a card for the form. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitcher />
      </div>
      <div className={styles.brand}>
        <span className={styles.logo} aria-hidden="true" />
        <span>{t("common.app.title")}</span>
      </div>
      <p className={styles.tagline}>{t("common.app.tagline")}</p>
      {children}
    </div>
  );
}
