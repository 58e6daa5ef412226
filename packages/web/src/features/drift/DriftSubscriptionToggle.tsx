import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useT } from "../../i18n/I18nProvider.js";
import { driftKeys, fetchDriftSubscription, saveDriftSubscription } from "./driftApi.js";
import styles from "./Drift.module.css";

/** My own choice: the workspace's drift digest by e-mail every week. */
export function DriftSubscriptionToggle({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const key = driftKeys.subscription(workspaceId);
  const subscription = useQuery({ queryKey: key, queryFn: () => fetchDriftSubscription(workspaceId) });
  const save = useMutation({
    mutationFn: (weeklyEmail: boolean) => saveDriftSubscription(workspaceId, { weeklyEmail }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  return (
    <label>
      <input
        type="checkbox"
        data-testid="drift-subscription"
        checked={subscription.data?.weeklyEmail ?? false}
        disabled={!subscription.data || save.isPending}
        onChange={(e) => save.mutate(e.target.checked)}
      />{" "}
      {t("drift.subscription.label")} <span className={styles.meta}>{t("drift.subscription.note")}</span>
    </label>
  );
}
