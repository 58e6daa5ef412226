import { ApiRequestError } from "../api/apiClient.js";
import { useT } from "../i18n/I18nProvider.js";

const KNOWN = new Set(["network", "unauthorized", "forbidden", "not_found", "invalid_request", "conflict", "rate_limited", "payload_too_large"]);

/** Turns any error into a sentence in the user's language (the API's stable error codes are translated). */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    if (error instanceof ApiRequestError) {
      const code = error.status === 401 ? "unauthorized" : error.status === 403 ? "forbidden" : error.code;
      return t(`common.error.${KNOWN.has(code) ? code : "unknown"}`);
    }
    return t("common.error.unknown");
  };
}
