import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "../api/apiClient.js";

/** Retries only what can succeed on a second try: a network failure or a 5xx, never a refusal (4xx). */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The app's cache of server data: one per page load (and one per component test, so tests stay apart). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 10_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** The cache of the running app (main.tsx starts a screen's first requests in it before React renders). */
export const appQueryClient = createQueryClient();
