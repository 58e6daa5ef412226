import type { DraftPlan } from "@opencjm/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { Button } from "../../../app/Button.js";
import { Dialog } from "../../../app/Dialog.js";
import { useErrorMessage } from "../../../app/useErrorMessage.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { draftMapFromData, previewDraftMap, type DraftRequest } from "../api/evidenceApi.js";
import styles from "./Paths.module.css";

/**
 * The preview of a map drafted from the data: its stages and steps in the order most customers go, each step with
 * its customers (ticked to keep it), a name field, and the button that creates the map, links its new steps to their
 * events and opens it with its numbers shown.
 */
export function DraftMapDialog({
  workspaceId,
  mapId,
  request,
  onCreated,
  onClose,
}: {
  workspaceId: string;
  mapId: string;
  request: DraftRequest;
  /** Called before the new map opens (the data view is switched on there). */
  onCreated: () => void;
  onClose: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const errorMessage = useErrorMessage();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ["workspace", workspaceId, "draftPreview", mapId, request],
    queryFn: ({ signal }) => previewDraftMap(workspaceId, mapId, request, signal),
    retry: false,
  });
  const [title, setTitle] = useState<string | null>(null);
  const [leaveOut, setLeaveOut] = useState<ReadonlySet<string>>(new Set());
  const create = useMutation({
    mutationFn: (plan: DraftPlan) =>
      draftMapFromData(workspaceId, mapId, {
        ...request,
        title: (title ?? plan.title).trim() || plan.title,
        leaveOut: [...leaveOut],
      }),
    onSuccess: async (created) => {
      onCreated();
      await queryClient.invalidateQueries({ queryKey: ["workspace", workspaceId] });
      navigate(`/maps/${created.map.id}`);
    },
  });
  const plan = preview.data;
  const kept = plan ? plan.stages.flatMap((s) => s.steps).filter((s) => !leaveOut.has(s.key)).length : 0;
  const toggle = (key: string, keep: boolean) =>
    setLeaveOut((old) => {
      const next = new Set(old);
      if (keep) next.delete(key);
      else next.add(key);
      return next;
    });
  const share = (v: number | null) =>
    v === null ? "—" : formatNumber(v, { style: "percent", maximumFractionDigits: 1 });
  return (
    <Dialog title={t("processMap.draft.dialogTitle")} onClose={onClose} testId="draft-dialog">
      {preview.isPending && <p role="status">{t("processMap.draft.loading")}</p>}
      {preview.isError && <p role="alert">{errorMessage(preview.error)}</p>}
      {plan && (
        <form
          className={styles.draftForm}
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(plan);
          }}
        >
          <p className={styles.muted}>
            {t("processMap.draft.intro", { customers: plan.customers, count: plan.customers })}
          </p>
          <label className={styles.draftName}>
            {t("processMap.draft.name")}
            <input
              value={title ?? plan.title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="draft-title"
              data-autofocus
            />
          </label>
          {plan.stages.length === 0 ? (
            <p className={styles.muted}>{t("processMap.draft.empty")}</p>
          ) : (
            <ol className={styles.draftStages} data-testid="draft-stages">
              {plan.stages.map((stage, g) => (
                <li key={g} data-testid="draft-stage">
                  <strong>
                    <bdi>{stage.name}</bdi>
                  </strong>
                  <ul className={styles.draftSteps}>
                    {stage.steps.map((step) => (
                      <li key={step.key}>
                        <label data-testid="draft-step" data-key={step.key}>
                          <input
                            type="checkbox"
                            checked={!leaveOut.has(step.key)}
                            onChange={(e) => toggle(step.key, e.target.checked)}
                          />
                          <bdi>{step.name}</bdi>{" "}
                          <span className={styles.muted}>
                            {t("processMap.draft.stepCustomers", {
                              count: step.customers,
                              share: share(step.share),
                            })}
                            {step.touchpointId === null && ` · ${t("processMap.draft.newRule")}`}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          {create.isError && <p role="alert">{errorMessage(create.error)}</p>}
          <div className={styles.draftActions}>
            <Button onClick={onClose}>{t("processMap.draft.cancel")}</Button>
            <Button
              type="submit"
              variant="primary"
              disabled={kept === 0 || create.isPending}
              data-testid="draft-create"
            >
              {create.isPending ? t("processMap.draft.creating") : t("processMap.draft.create", { count: kept })}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
