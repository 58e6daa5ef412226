import { ApiRequestError } from "../../api/apiClient.js";
import { useErrorMessage } from "../../app/useErrorMessage.js";

/** A refused idea change as the dialog shows it: the sentence, and the fields it names (to mark their inputs). */
export interface IdeaErrorView {
  message: string;
  fields: ReadonlySet<string>;
}

// Refusals of what was sent or of the idea's state: the server's sentence names the field and the problem, already in
// the reader's language (Accept-Language, the account's language), where the generic sentence would say neither.
const REFUSALS = new Set([400, 404, 409, 422]);

/**
 * Turns a failed idea request into what the dialog shows: for a refusal, the server's own localised sentence
 * ("ice.impact: …", "status: an idea that is shipped cannot become new…", the end of a trial period) with every
 * further problem it lists; otherwise (network, rights, server failure) the app's general sentence.
 */
export function useIdeaError(): (error: unknown) => IdeaErrorView {
  const common = useErrorMessage();
  return (error) => {
    if (!(error instanceof ApiRequestError) || !REFUSALS.has(error.status) || error.message === "")
      return { message: common(error), fields: new Set() };
    const further = error.issues
      .map((issue) => (error.message.includes(issue.message) ? "" : `${issue.path}: ${issue.message}`))
      .filter(Boolean);
    return {
      message: [error.message, ...further].join(" · "),
      fields: new Set(error.issues.map((issue) => issue.path)),
    };
  };
}
