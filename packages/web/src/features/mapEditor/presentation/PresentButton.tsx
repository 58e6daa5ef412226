import { Presentation } from "lucide-react";
import { Button } from "../../../app/Button.js";
import { useT } from "../../../i18n/I18nProvider.js";

/** The editor bar's button that starts presenting the map full screen. */
export function PresentButton({ onPresent }: { onPresent: () => void }) {
  const t = useT();
  return (
    <Button size="small" onClick={onPresent} title={t("presentation.openHint")} data-testid="present">
      <Presentation size={14} aria-hidden="true" /> <span data-tool-label>{t("presentation.open")}</span>
    </Button>
  );
}
