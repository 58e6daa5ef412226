import { KpiBucketSchema } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { useEvidence } from "../evidence/map/EvidenceContext.js";
import styles from "./Kpis.module.css";
import { useKpiBucket } from "./useKpiBucket.js";

/** Days, weeks or months for the KPI values of the map in the editor (its lane and charts), kept on this device. */
export function KpiBucketChoice() {
  const { t } = useI18n();
  const mapId = useEvidence()?.mapId;
  const [bucket, choose] = useKpiBucket(mapId);
  if (!mapId) return null;
  return (
    <label className={styles.bucket}>
      {t("kpis.bucket.label")}{" "}
      <select value={bucket} data-testid="kpi-bucket" onChange={(e) => choose(KpiBucketSchema.parse(e.target.value))}>
        {KpiBucketSchema.options.map((b) => (
          <option key={b} value={b}>
            {t(`kpis.bucket.${b}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
