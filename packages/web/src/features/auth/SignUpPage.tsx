import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { signUp } from "../../api/sessionApi.js";
import { LanguageSwitcher } from "../../app/LanguageSwitcher.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import styles from "./AuthPage.module.css";

/** Create an account; the new user starts in the language they are reading. */
export default function SignUpPage() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { setSession } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await signUp({ ...form, locale }));
      navigate("/", { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitcher />
      </div>
      <form className={styles.card} onSubmit={handleSubmit}>
        <h1>{t("auth.createAccount")}</h1>
        <label>
          {t("auth.name")}
          <input name="name" autoComplete="name" required maxLength={120} {...field("name")} />
        </label>
        <label>
          {t("auth.email")}
          <input type="email" name="email" autoComplete="email" required {...field("email")} />
        </label>
        <label>
          {t("auth.password")}
          <input type="password" name="password" autoComplete="new-password" required minLength={10} {...field("password")} />
          <small>{t("auth.passwordRule")}</small>
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("auth.signUp")}
        </button>
        <p>
          <Link href="/signin">{t("auth.haveAccount")}</Link>
        </p>
      </form>
    </div>
  );
}
