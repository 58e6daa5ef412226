import * as Popover from "@radix-ui/react-popover";
import { MoreHorizontal, Settings } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button, buttonClassName } from "../../../app/Button.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./MoreToolsPopover.module.css";

/**
 * "More" on the editor's bar: the map settings and the tools used now and then, in a Radix popover that Escape, a
 * click outside or opening the settings closes. Its content stays a list of the tools' own buttons and links (a
 * comparison menu among them), so it is a popover rather than a menu.
 */
export function MoreToolsPopover({ onOpenSettings, children }: { onOpenSettings: () => void; children: ReactNode }) {
  const { t, dir } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger className={buttonClassName("ghost", "small")} data-testid="more-tools">
        <MoreHorizontal size={16} aria-hidden="true" /> {t("editor.more")}
      </Popover.Trigger>
      <Popover.Content
        className={styles.panel}
        align={dir === "rtl" ? "start" : "end"}
        sideOffset={4}
        collisionPadding={8}
        dir={dir}
        aria-label={t("editor.more")}
        data-testid="more-tools-panel"
      >
        <Button
          variant="ghost"
          size="small"
          onClick={() => {
            setOpen(false);
            onOpenSettings();
          }}
          data-testid="open-settings"
        >
          <Settings size={14} aria-hidden="true" />
          {t("editor.settings.open")}
        </Button>
        {children}
      </Popover.Content>
    </Popover.Root>
  );
}
