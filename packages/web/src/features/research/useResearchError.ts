import { ApiRequestError } from "../../api/apiClient.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";

/**
 * Turns a failed research request into a sentence in the user's language. A refusal of what was sent (a transcript
 * in an unknown encoding, a file too large, a highlight on a deleted step) keeps the server's own sentence, already in
 * the account's language and naming the problem; it is shown as text, never as markup.
 */
export function useResearchError(): (error: unknown) => string {
  const common = useErrorMessage();
  return (error) => {
    if (!(error instanceof ApiRequestError) || ![400, 404, 409, 413, 422].includes(error.status)) return common(error);
    const details = error.issues.map((issue) => issue.message).filter((m) => m && m !== error.message);
    return [error.message, ...details].join(" · ") || common(error);
  };
}
