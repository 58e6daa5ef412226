import type { ReactNode } from "react";
import { Link } from "wouter";
import { useT } from "../i18n/I18nProvider.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { useSession } from "./SessionProvider.js";
import styles from "./AppShell.module.css";

/** The frame around every workspace screen: product name, workspace, language and the signed-in user. */
export default function AppShell({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const t = useT();
  const { session } = useSession();
  const workspace = session?.workspaces.find((w) => w.id === workspaceId);
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <Link href="/" className={styles.brand}>
          {t("common.app.title")}
        </Link>
        {workspace && <span className={styles.workspace}>{workspace.name}</span>}
        <span className={styles.spacer} />
        <LanguageSwitcher />
        {session && <span className={styles.user}>{session.user.name}</span>}
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
