import { useEffect, type ReactNode } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { rememberWorkspace } from "./lastWorkspace.js";
import { NotificationBell } from "../features/notifications/NotificationBell.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { UserMenu } from "./UserMenu.js";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher.js";
import styles from "./AppShell.module.css";

/** The frame around every workspace screen: product name, workspace switcher, main links, language and the user. */
export default function AppShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => rememberWorkspace(workspaceId), [workspaceId]);
  return (
    <div className={styles.shell}>
      <header className={`${styles.bar} no-print`}>
        <Link href="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          {t("common.app.title")}
        </Link>
        <span className={styles.divider} aria-hidden="true" />
        <WorkspaceSwitcher workspaceId={workspaceId} />
        <nav className={styles.nav} aria-label={t("shell.mainNavigation")}>
          <Link href="/" className={(active) => (active ? styles.active : "")}>
            {t("shell.home")}
          </Link>
          <Link href="/new" className={(active) => (active ? styles.active : "")}>
            {t("shell.newMap")}
          </Link>
          <Link href="/data" className={(active) => (active ? styles.active : "")} data-testid="nav-data">
            {t("evidence.nav")}
          </Link>
          <Link href="/activity" className={(active) => (active ? styles.active : "")} data-testid="nav-activity">
            {t("activity.nav")}
          </Link>
        </nav>
        <span className={styles.spacer} />
        <NotificationBell />
        <LanguageSwitcher />
        <UserMenu />
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
