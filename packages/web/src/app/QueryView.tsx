import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorScreen } from "./ErrorScreen.js";
import { LoadingScreen } from "./LoadingScreen.js";

type DataOf<Queries extends readonly UseQueryResult<unknown>[]> = {
  [K in keyof Queries]: Queries[K] extends UseQueryResult<infer Data> ? Data : never;
};

/**
 * The one way a screen waits for its data: the loading placeholder until every query has an answer, the failure view
 * (the reason in the user's language, and a Retry that asks again for what failed) if one could not be loaded, else
 * the screen drawn from the answers. A failed refresh of data already shown keeps the data on screen.
 */
export function QueryView<const Queries extends readonly UseQueryResult<unknown>[]>({
  queries,
  children,
}: {
  queries: Queries;
  children: (...data: DataOf<Queries>) => ReactNode;
}) {
  const failed = queries.filter((q) => q.isError && q.data === undefined);
  if (failed.length > 0)
    return <ErrorScreen error={failed[0]!.error} onRetry={() => failed.forEach((q) => void q.refetch())} />;
  if (queries.some((q) => q.data === undefined)) return <LoadingScreen />;
  return <>{children(...(queries.map((q) => q.data) as DataOf<Queries>))}</>;
}
