import { ApiRequestError } from "../../api/apiClient.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";
import { useT } from "../../i18n/I18nProvider.js";

/** Refusals of comment writes with a sentence of their own; others read as the app's common errors. */
const COMMENT_CODES = new Set(["mention_not_member", "anchor_not_found"]);

/** Turns a failed comment write into a sentence in the user's language. */
export function useCommentError(): (error: unknown) => string {
  const t = useT();
  const common = useErrorMessage();
  return (error) =>
    error instanceof ApiRequestError && COMMENT_CODES.has(error.code)
      ? t(`comments.error.${error.code}`)
      : error instanceof ApiRequestError && error.status === 403
        ? t("comments.error.forbidden")
        : common(error);
}
