import { invitationAcceptPath, type Session } from "@opencjm/core";
import { useState, type FormEvent } from "react";
import { Link } from "wouter";
import { useI18n } from "../../i18n/I18nProvider.js";
import { checkSignUp } from "../auth/SignUpPage.js";
import { fieldErrors } from "../auth/fieldErrors.js";
import { signUpWithInvitation } from "./membersApi.js";
import authStyles from "../auth/AuthPage.module.css";
import { Button } from "../../app/Button.js";

const FIELDS = ["name", "email", "password"] as const;
type Field = (typeof FIELDS)[number];

/**
 * Sign-up for someone who has no account yet, carrying the invitation: the account is created and joins the
 * workspace in one request. `onError` words a failure (and may take over the page when the link itself is dead).
 */
export function InvitedSignUpForm({
  token,
  onSignedUp,
  onError,
}: {
  token: string;
  onSignedUp: (session: Session) => void;
  onError: (error: unknown) => string | null;
}) {
  const { t, locale } = useI18n();
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
      onSignedUp(await signUpWithInvitation({ ...form, locale, invitation: token }));
    } catch (err) {
      setError(onError(err));
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
    "aria-describedby": problems[key] ? `invited-${key}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const problem = (key: Field) =>
    problems[key] && (
      <span id={`invited-${key}-error`} className="field-error">
        {t(problems[key])}
      </span>
    );
  return (
    <form className={authStyles.card} onSubmit={handleSubmit} noValidate aria-busy={busy} data-testid="invited-sign-up">
      <h1>{t("members.acceptTitle")}</h1>
      <p>{t("members.signUpLead")}</p>
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
        <p role="alert" className={authStyles.error}>
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy}>
        {t("members.signUpButton")}
      </Button>
      <p className={authStyles.switch}>
        <Link href={`/signin?next=${encodeURIComponent(invitationAcceptPath(token))}`}>{t("members.haveAccount")}</Link>
      </p>
    </form>
  );
}
