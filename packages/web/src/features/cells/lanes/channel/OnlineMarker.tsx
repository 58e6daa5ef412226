import { Wifi, WifiOff } from "lucide-react";
import { useT } from "../../../../i18n/I18nProvider.js";
import styles from "./OnlineMarker.module.css";

/** Online or offline, as a small icon with its name for screen readers and on hover. */
export function OnlineMarker({ online }: { online: boolean }) {
  const t = useT();
  const label = t(online ? "cells.channel.online" : "cells.channel.offline");
  const Icon = online ? Wifi : WifiOff;
  return (
    <span className={styles.marker} role="img" aria-label={label} title={label} data-online={online}>
      <Icon size={11} aria-hidden="true" />
    </span>
  );
}
