import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { fieldError } from "../errors/DomainError.js";

/** zxcvbn's scale: 0–2 fall to an online or a fast offline guessing attack, 3 and 4 do not. */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: ranking the dictionaries (about 30,000 breached passwords, common diceware words) takes a moment.
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/** Why a password is refused, or undefined when it is strong enough. */
export function passwordWeakness(password: string, person: { email: string; name?: string }): string | undefined {
  const email = person.email.trim().toLowerCase();
  const personal = [email, email.split("@")[0] ?? "", ...(person.name ?? "").toLowerCase().split(/\s+/)].filter(
    (word) => word.length >= 3,
  );
  const lower = password.toLowerCase();
  if (personal.some((word) => lower.includes(word))) return "must not contain your e-mail address or name";
  const result = strengthEstimator().check(password, personal);
  if (result.score >= MIN_SCORE) return undefined;
  if (result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs"))
    return "must not contain your e-mail address or name";
  if (result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "passwords-common"))
    return "is one of the most common or breached passwords; choose another";
  return "is too easy to guess (a keyboard pattern, a repetition, a date or a common word); a few unrelated words are stronger";
}

/** Throws a 400 naming `field` when the password is too weak for this person. */
export function requireStrongPassword(password: string, person: { email: string; name?: string }, field: string): void {
  const weakness = passwordWeakness(password, person);
  if (weakness) throw fieldError(field, weakness, { code: "weak_password" });
}
