import { useState, type FormEvent } from "react";
import { Link, useLocation } from "wouter";
import { signUp } from "../../api/sessionApi.js";
import { useSession } from "../../app/SessionProvider.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useI18n } from "../../i18n/I18nProvider.js";
import { AuthLayout } from "./AuthLayout.js";
import { fieldErrors } from "./fieldErrors.js";
import styles from "./AuthPage.module.css";

const FIELDS = ["name", "email", "password"] as const;
type Field = (typeof FIELDS)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Problems the form can see before asking the server, by field, as catalogue keys. */
export function checkSignUp(form: Record<Field, string>): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  if (!form.name.trim()) problems.name = "auth.nameRequired";
  if (!EMAIL.test(form.email.trim())) problems.email = "auth.emailInvalid";
  if (form.password.length < 10) problems.password = "auth.passwordRule";
  return problems;
}

/** Create an account; the new user starts in the language they are reading. */
export default function SignUpPage() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { setSession } = useSession();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<Record<Field, string>>({ name: "", email: "", password: "" });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = checkSignUp(form);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      setSession(await signUp({ ...form, locale }));
      navigate("/", { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      const bad = fieldErrors(err, FIELDS);
      setProblems(
        Object.fromEntries(
          Object.keys(bad).map((f) => [
            f,
            f === "email" ? "auth.emailProblem" : f === "password" ? "auth.passwordRule" : "auth.nameRequired",
          ]),
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  const field = (key: Field) => ({
    name: key,
    value: form[key],
    "aria-invalid": problems[key] ? true : undefined,
    "aria-describedby": problems[key] ? `signup-${key}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const problem = (key: Field) =>
    problems[key] && (
      <span id={`signup-${key}-error`} className="field-error">
        {t(problems[key])}
      </span>
    );
  return (
    <AuthLayout>
      <form className={styles.card} onSubmit={handleSubmit} noValidate aria-busy={busy}>
        <h1>{t("auth.createAccount")}</h1>
        <label className="field">
          {t("auth.name")}
          <input className="input" autoComplete="name" maxLength={120} {...field("name")} />
          {problem("name")}
        </label>
        <label className="field">
          {t("auth.email")}
          <input className="input" type="email" autoComplete="email" maxLength={254} {...field("email")} />
          {problem("email")}
        </label>
        <label className="field">
          {t("auth.password")}
          <input className="input" type="password" autoComplete="new-password" maxLength={200} {...field("password")} />
          {problems.password ? problem("password") : <small>{t("auth.passwordRule")}</small>}
        </label>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("auth.signUp")}
        </button>
        <p className={styles.switch}>
          <Link href="/signin">{t("auth.haveAccount")}</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
