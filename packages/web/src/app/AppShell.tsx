import { useEffect, useRef, useSyncExternalStore, type ReactNode } from "react";
import { Link } from "wouter";
import { useI18n, useT } from "../i18n/I18nProvider.js";
import { useToolbarFit } from "../features/mapEditor/header/useToolbarFit.js";
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

/** Where the row of links gives way to the menu of all of them (matches the media query in AppShell.module.css). */
const NARROW_QUERY = "(max-width: 900px)";

function subscribeNarrow(onChange: () => void): () => void {
  if (typeof window.matchMedia !== "function") return () => {};
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

const isNarrow = () => typeof window.matchMedia === "function" && window.matchMedia(NARROW_QUERY).matches;

/** The frame around every workspace screen: product name, workspace switcher, main links, language and the user. */
export default function AppShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const t = useT();
  const { locale } = useI18n();
  useEffect(() => rememberWorkspace(workspaceId), [workspaceId]);
  // Wider screens keep one line: links that do not fit (measured, last first) move into the menu, never wrap.
  const bar = useRef<HTMLElement>(null);
  const givenWay = useToolbarFit(bar, NAV_LINKS.length, `${locale}|${workspaceId}`);
  const narrow = useSyncExternalStore(subscribeNarrow, isNarrow);
  const onBar = NAV_LINKS.length - givenWay;
  const inMenu = narrow ? NAV_LINKS : NAV_LINKS.slice(onBar);
  return (
    <div className={styles.shell}>
      <header ref={bar} className={`${styles.bar} no-print`} data-testid="app-bar">
        <Link href="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          <span className={styles.brandName}>{t("common.app.title")}</span>
        </Link>
        <span className={styles.divider} aria-hidden="true" />
        <span className={styles.part} data-fit-watch>
          <WorkspaceSwitcher workspaceId={workspaceId} />
        </span>
        <nav className={styles.nav} aria-label={t("shell.mainNavigation")}>
          {NAV_LINKS.slice(0, onBar).map((link) => (
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
        <span className={givenWay > 0 ? `${styles.compactNav} ${styles.givenWay}` : styles.compactNav}>
          <Menu label={t("shell.menu")} align="start" testId="compact-nav">
            {inMenu.map((link) => (
              <MenuLink key={link.href} href={link.href} testId={link.testId && `${link.testId}-compact`}>
                {t(link.label)}
              </MenuLink>
            ))}
          </Menu>
        </span>
        <span className={styles.spacer} />
        <span className={styles.part} data-fit-watch>
          <NotificationBell />
          <LanguageSwitcher />
          <UserMenu />
        </span>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
