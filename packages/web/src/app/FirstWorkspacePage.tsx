import { useT } from "../i18n/I18nProvider.js";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm.js";
import { ExampleWorkspaceButton } from "./ExampleWorkspaceButton.js";
import { LanguageSwitcher } from "./LanguageSwitcher.js";
import { useSession } from "./SessionProvider.js";
import styles from "./FirstWorkspacePage.module.css";

/** Shown to a signed-in user who belongs to no workspace yet (right after sign-up): create the first one. */
export default function FirstWorkspacePage() {
  const t = useT();
  const { session, signOut } = useSession();
  const name = session?.user.name ?? "";
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitcher />
        <button type="button" className="btn btn-ghost" onClick={() => void signOut()}>
          {t("auth.signOut")}
        </button>
      </div>
      <section className={styles.card} data-testid="first-workspace">
        <h1>{t("shell.welcome", { name })}</h1>
        <p className={styles.lead}>{t("shell.firstWorkspaceLead")}</p>
        <CreateWorkspaceForm initialName={t("shell.defaultWorkspaceName", { name })} />
        <div className={styles.or}>
          <span>{t("shell.or")}</span>
        </div>
        <p className={styles.lead}>{t("shell.exampleHint")}</p>
        <ExampleWorkspaceButton />
      </section>
    </div>
  );
}
