import type { CustomersWhoLeft, CustomersWhoLeftRequest, CustomerTimeline, CustomerTimelineQuery } from "@opencjm/core";
import { api } from "../../api/apiClient.js";

const ws = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** One customer's timeline, found by any identifier, optionally read against a map under a conversion window. */
export function fetchCustomerTimeline(
  workspaceId: string,
  query: CustomerTimelineQuery,
  signal?: AbortSignal,
): Promise<CustomerTimeline> {
  const params = new URLSearchParams({ identifier: query.identifier });
  if (query.kind) params.set("kind", query.kind);
  if (query.mapId) params.set("mapId", query.mapId);
  if (query.windowHours !== undefined) params.set("windowHours", String(query.windowHours));
  return api.get<CustomerTimeline>(`${ws(workspaceId)}/customers/timeline?${params.toString()}`, { signal });
}

/** Some customers who left a step of a map, under the data view's filters. */
export function fetchCustomersWhoLeft(
  workspaceId: string,
  mapId: string,
  stepId: string,
  request: CustomersWhoLeftRequest,
  signal?: AbortSignal,
): Promise<CustomersWhoLeft> {
  return api.post<CustomersWhoLeft>(
    `${ws(workspaceId)}/maps/${encodeURIComponent(mapId)}/steps/${encodeURIComponent(stepId)}/customers-who-left`,
    request,
    { signal },
  );
}
