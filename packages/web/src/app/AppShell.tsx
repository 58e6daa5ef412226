import { useEffect, type ReactNode } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { rememberWorkspace } from "./lastWorkspace.js";
import { NotificationBell } from "../features/notifications/NotificationBell.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { Menu, MenuLink } from "./Menu.js";
import { UserMenu } from "./UserMenu.js";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher.js";
import styles from "./AppShell.module.css";

/** The main links of the top bar (a menu of them on narrow screens, where the bar has no room for the row). */
const NAV_LINKS: ReadonlyArray<{ href: string; label: string; testId?: string }> = [
  { href: "/", label: "shell.home" },
  { href: "/new", label: "shell.newMap" },
  { href: "/data", label: "evidence.nav", testId: "nav-data" },
  { href: "/research", label: "research.nav", testId: "nav-research" },
  { href: "/activity", label: "activity.nav", testId: "nav-activity" },
  { href: "/drift", label: "drift.nav", testId: "nav-drift" },
];

/** The frame around every workspace screen: product name, workspace switcher, main links, language and the user. */
export default function AppShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => rememberWorkspace(workspaceId), [workspaceId]);
  return (
    <div className={styles.shell}>
      <header className={`${styles.bar} no-print`}>
        <Link href="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          <span className={styles.brandName}>{t("common.app.title")}</span>
        </Link>
        <span className={styles.divider} aria-hidden="true" />
        <WorkspaceSwitcher workspaceId={workspaceId} />
        <nav className={styles.nav} aria-label={t("shell.mainNavigation")}>
          {NAV_LINKS.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className={(active) => (active ? styles.active : "")}
              data-testid={link.testId}
            >
              {t(link.label)}
            </Link>
          ))}
        </nav>
        <span className={styles.compactNav}>
          <Menu label={t("shell.menu")} align="start" testId="compact-nav">
            {NAV_LINKS.map((link) => (
              <MenuLink key={link.href} href={link.href} testId={link.testId && `${link.testId}-compact`}>
                {t(link.label)}
              </MenuLink>
            ))}
          </Menu>
        </span>
        <span className={styles.spacer} />
        <NotificationBell />
        <LanguageSwitcher />
        <UserMenu />
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
