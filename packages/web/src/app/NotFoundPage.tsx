import { ApiRequestError } from "../api/apiClient.js";
import { ErrorScreen } from "./ErrorScreen.js";

/** Any address the app does not know. */
export function NotFoundPage() {
  return <ErrorScreen error={new ApiRequestError(404, "not_found", "no such page")} />;
}
