import { useState, type FormEvent } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { signIn } from "../../api/sessionApi.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";
import { AuthLayout } from "./AuthLayout.js";
import styles from "./AuthPage.module.css";

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after signing in. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
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
    if (!email.trim() || !password) return setError(t("auth.fillBoth"));
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
    <AuthLayout>
      <form className={styles.card} onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <h1>{t("auth.signInTitle")}</h1>
        <label className="field">
          {t("auth.email")}
          <input
            className="input"
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          {t("auth.password")}
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("auth.signingIn") : t("auth.signIn")}
        </button>
        <p className={styles.switch}>
          <Link href="/signup">{t("auth.noAccount")}</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
