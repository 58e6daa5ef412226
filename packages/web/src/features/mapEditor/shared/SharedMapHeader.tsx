import type { ReactNode } from "react";
import { LanguageSwitcher } from "../../../app/LanguageSwitcher.js";
import { useT } from "../../../i18n/I18nProvider.js";
import { ZoomControl } from "../header/ZoomControl.js";
import styles from "./SharedMapHeader.module.css";

/** The share page's header: the map title, the app's name, zoom, the language switcher and `children` before them. */
export function SharedMapHeader({
  title,
  zoom,
  onZoom,
  children,
}: {
  title: string;
  zoom: number;
  onZoom: (zoom: number) => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <header className={styles.header}>
      <h1 className={styles.title} dir="auto" data-testid="map-title">
        {title}
      </h1>
      <span className={styles.badge}>{t("editor.share.readOnly")}</span>
      <span className={styles.spacer} />
      {children}
      <span className={styles.zoom}>
        <ZoomControl zoom={zoom} onZoom={onZoom} />
      </span>
      <LanguageSwitcher />
      <a className={styles.brand} href="/">
        {t("common.app.title")}
      </a>
    </header>
  );
}
