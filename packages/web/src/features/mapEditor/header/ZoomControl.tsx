import { Minus, Plus } from "lucide-react";
import { Button } from "../../../app/Button.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import { ZOOM_LEVELS } from "../grid/gridSizes.js";

/** Zoom out, back to 100 %, and zoom in, over fixed levels. */
export function ZoomControl({ zoom, onZoom }: { zoom: number; onZoom: (zoom: number) => void }) {
  const { t, formatNumber } = useI18n();
  const at = ZOOM_LEVELS.findIndex((z) => z === zoom);
  return (
    <span role="group" aria-label={t("editor.zoom.label")} style={{ display: "inline-flex", alignItems: "center" }}>
      <Button
        variant="ghost"
        size="small"
        aria-label={t("editor.zoom.out")}
        title={t("editor.zoom.out")}
        disabled={at <= 0}
        onClick={() => onZoom(ZOOM_LEVELS[at - 1]!)}
        data-testid="zoom-out"
      >
        <Minus size={14} aria-hidden="true" />
      </Button>
      <Button
        variant="ghost"
        size="small"
        aria-label={t("editor.zoom.reset")}
        title={t("editor.zoom.reset")}
        onClick={() => onZoom(1)}
        data-testid="zoom-level"
        style={{ minInlineSize: "4em", paddingInline: 4 }}
      >
        {formatNumber(zoom, { style: "percent" })}
      </Button>
      <Button
        variant="ghost"
        size="small"
        aria-label={t("editor.zoom.in")}
        title={t("editor.zoom.in")}
        disabled={at >= ZOOM_LEVELS.length - 1}
        onClick={() => onZoom(ZOOM_LEVELS[at + 1]!)}
        data-testid="zoom-in"
      >
        <Plus size={14} aria-hidden="true" />
      </Button>
    </span>
  );
}
