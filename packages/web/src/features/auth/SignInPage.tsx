import { useState, type FormEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { signIn } from "../../api/sessionApi.js";
import { LanguageSwitcher } from "../../app/LanguageSwitcher.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./AuthPage.module.css";

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after signing in. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** Sign in with e-mail and password. */
export default function SignInPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { setSession } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await signIn(email, password));
      navigate(safeNext(search), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitcher />
      </div>
      <form className={styles.card} onSubmit={handleSubmit}>
        <h1>{t("common.app.title")}</h1>
        <p className={styles.tagline}>{t("common.app.tagline")}</p>
        <label>
          {t("auth.email")}
          <input type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t("auth.password")}
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("auth.signIn")}
        </button>
        <p>
          <Link href="/signup">{t("auth.noAccount")}</Link>
        </p>
      </form>
    </div>
  );
}
