import type { MapVersion } from "@opencjm/core";
import type { I18n } from "../../i18n/I18nProvider.js";

/** How a version is called on screen: its name, or what kind of version it is and when it was taken. */
export function versionLabel(version: Pick<MapVersion, "kind" | "name" | "createdAt">, i18n: I18n): string {
  const when = i18n.formatDate(version.createdAt, { dateStyle: "medium", timeStyle: "short" });
  if (version.name) return version.name;
  return i18n.t(`history.kind.${version.kind}`, { when });
}
