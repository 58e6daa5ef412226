import type { Channel, Touchpoint } from "@opencjm/core";
import { Building2, Monitor } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import { ChannelIcon } from "../../icons/ChannelIcon.js";
import { OnlineMarker } from "../channel/OnlineMarker.js";
import styles from "./TouchpointLabel.module.css";

/** A touchpoint's name with its channel icon, online/offline marker and digital/physical marker. */
export function TouchpointLabel({ touchpoint, channel }: { touchpoint: Touchpoint; channel: Channel | undefined }) {
  const t = useT();
  const mediumLabel = t(`cells.touchpoint.${touchpoint.medium}`);
  const Medium = touchpoint.medium === "digital" ? Monitor : Building2;
  return (
    <span className={styles.touchpoint} data-touchpoint={touchpoint.id}>
      <ChannelIcon icon={channel?.icon ?? ""} className={styles.icon} />
      <bdi className={styles.name}>{touchpoint.name}</bdi>
      {channel && <OnlineMarker online={channel.online} />}
      <span
        className={styles.medium}
        role="img"
        aria-label={mediumLabel}
        title={mediumLabel}
        data-medium={touchpoint.medium}
      >
        <Medium size={11} aria-hidden="true" />
      </span>
    </span>
  );
}
