import { Button } from "../../../app/Button.js";
import { useT } from "../../../i18n/I18nProvider.js";
import type { ReadingMode } from "./useReadingMode.js";

/** On a phone or tablet, switches between reading the map as a list and the full map; nothing on a wide screen. */
export function ReadingModeSwitch({ mode }: { mode: ReadingMode }) {
  const t = useT();
  if (!mode.switchable) return null;
  return (
    <Button
      variant="ghost"
      size="small"
      onClick={() => mode.setReading(!mode.reading)}
      title={mode.reading ? t("presentation.reading.fullMapHint") : t("presentation.reading.listHint")}
      data-testid="reading-mode-switch"
      data-reading={mode.reading}
    >
      {mode.reading ? t("presentation.reading.fullMap") : t("presentation.reading.list")}
    </Button>
  );
}
