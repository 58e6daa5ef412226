import { ApiRequestError } from "../api/apiClient.js";
import { useT } from "../i18n/I18nProvider.js";

/** Error codes of the API that have a sentence of their own in the `common.error.*` catalogue. */
const KNOWN = new Set([
  "network",
  "unauthorized",
  "forbidden",
  "not_found",
  "invalid_request",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "email_taken",
  "invalid_credentials",
  "session_expired",
  "internal",
]);

/** Turns any error into a sentence in the user's language (the API's stable error codes are translated). */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    if (error instanceof ApiRequestError) {
      const code = KNOWN.has(error.code)
        ? error.code
        : error.status === 401
          ? "unauthorized"
          : error.status === 403
            ? "forbidden"
            : error.status === 413
              ? "payload_too_large"
              : error.status >= 500
                ? "internal"
                : "unknown";
      return t(`common.error.${code}`);
    }
    return t("common.error.unknown");
  };
}
