import { ApiRequestError } from "../../api/apiClient.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";

/**
 * The catalogue key of a problem with an invitation link or a membership change that has a sentence of its own, or
 * null. The accept endpoint answers 409 `invitation_used`, 410 `invitation_expired`, 404 for a revoked (deleted) or
 * mistyped token and 403 when the link was sent to another e-mail; a change that would leave no owner is 409
 * `last_owner`.
 */
export function memberProblemKey(error: unknown): string | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (error.code === "invitation_used") return "members.linkUsed";
  if (error.code === "invitation_expired") return "members.linkExpired";
  if (error.code === "last_owner") return "members.lastOwner";
  if (error.code === "not_found") return "members.linkInvalid";
  if (error.code === "forbidden") return "members.wrongEmail";
  return null;
}

/** Turns an error of the members screen or the accept page into a sentence in the user's language. */
export function useMemberProblem(): (error: unknown) => string {
  const t = useT();
  const generic = useErrorMessage();
  return (error) => {
    const key = memberProblemKey(error);
    return key ? t(key) : generic(error);
  };
}
