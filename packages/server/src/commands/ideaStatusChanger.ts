import {
  effectWindowDays,
  IdeaEffectQuerySchema,
  ideaStatusesAfter,
  type Idea,
  type IdeaStatusChangeRequest,
} from "@opencjm/core";
import { conflict, fieldError } from "../errors/DomainError.js";
import type { Services } from "../services.js";
import { appendIdeaStatusChange, getStoredIdea, type StoredIdea } from "../store/ideaStore.js";
import { recordIdeaEffect } from "./ideaEffectMeasurer.js";
import { MapLookup, presentIdea } from "./ideaLinkResolver.js";

// A clock a little ahead of the server's (a laptop setting a ship date "now") is not a date in the future.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Tells the idea's followers — its owner, its creator and whoever changed its status before — of the new status. */
async function notifyFollowers(services: Services, idea: StoredIdea, actorId: string, reason: string | null) {
  const followers = new Set(
    [idea.ownerId, idea.createdBy, ...idea.history.map((change) => change.byUserId)].filter((id) => id !== null),
  );
  await services.notifications.notify(
    [...followers].map((userId) => ({
      userId,
      workspaceId: idea.workspaceId,
      kind: "idea" as const,
      actorId,
      mapId: idea.anchors[0]?.mapId ?? idea.steps[0]?.mapId,
      subjectId: idea.id,
      data: { ideaTitle: idea.title.slice(0, 200), status: idea.status, reason: reason?.slice(0, 500) ?? null },
    })),
  );
}

/**
 * Moves an idea one step along its workflow (new → approved → in progress → shipped → measured, or rejected with a
 * reason before it ships) and keeps the change, its date and its author in the idea's history, in the order they were
 * recorded. `at` backdates the change (a team records today what shipped last month), never into the future. Moving
 * to measured records the effect on the idea's KPIs (ideaEffectMeasurer.ts).
 */
export async function changeIdeaStatus(
  services: Services,
  workspaceId: string,
  ideaId: string,
  userId: string,
  request: IdeaStatusChangeRequest,
): Promise<Idea> {
  const idea = await getStoredIdea(services.db, workspaceId, ideaId);
  const allowed = ideaStatusesAfter(idea.status);
  if (!allowed.includes(request.status)) {
    const next = allowed.length > 0 ? `it can become ${allowed.join(" or ")}` : "its workflow has ended";
    throw fieldError("status", `an idea that is ${idea.status} cannot become ${request.status}; ${next}`, {
      code: "idea_status_not_allowed",
      kind: "conflict",
      detail: `not allowed after ${idea.status}`,
    });
  }
  if (request.status === "rejected" && !request.reason)
    throw fieldError("reason", "is required to reject an idea", { code: "idea_rejection_reason_required" });
  const now = Date.now();
  const at = request.at !== undefined ? new Date(request.at) : new Date(now);
  if (at.getTime() > now + CLOCK_SKEW_MS)
    throw fieldError("at", `${request.at} is in the future`, { code: "idea_status_date_in_future" });
  // "Measured" means measured: an idea with KPIs records their effect over the trial period first (refused with
  // trial_not_over until the period has passed, leaving the idea shipped).
  if (request.status === "measured" && idea.kpiIds.length > 0) {
    const trialDays = request.trialDays ?? IdeaEffectQuerySchema.parse({}).trialDays;
    await recordIdeaEffect(services, workspaceId, ideaId, effectWindowDays({ ...request, trialDays }));
  }
  const changed = await appendIdeaStatusChange(services.db, ideaId, idea.status, {
    status: request.status,
    at: at.toISOString(),
    byUserId: userId,
    reason: request.reason ?? null,
  });
  if (!changed) throw conflict("idea_status_changed", "someone changed this idea's status meanwhile; reload it");
  const after = await getStoredIdea(services.db, workspaceId, ideaId);
  await notifyFollowers(services, after, userId, request.reason ?? null);
  return presentIdea(new MapLookup(services, workspaceId), after);
}
