import type { Channel } from "@opencjm/core";
import { useI18n } from "../../i18n/I18nProvider.js";
import { channelLabel } from "./channelLabel.js";
import styles from "./PersonaPage.module.css";

/** Preferred channels, picked from the workspace's channel catalogue (online and offline shown apart). */
export function ChannelPicker({
  channels,
  value,
  onChange,
}: {
  channels: readonly Channel[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const group = (online: boolean) => channels.filter((c) => c.online === online);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset className={styles.channels} data-testid="preferred-channels">
      <legend>{t("personas.field.preferredChannels")}</legend>
      {[true, false].map((online) => (
        <div key={String(online)} className={styles.channelGroup}>
          <span className="hint">{online ? t("personas.online") : t("personas.offline")}</span>
          <div className={styles.chips}>
            {group(online).map((c) => (
              <label key={c.id} className={styles.chip} data-checked={value.includes(c.id) || undefined}>
                <input
                  type="checkbox"
                  checked={value.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
                <bdi>{channelLabel(c, locale)}</bdi>
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
