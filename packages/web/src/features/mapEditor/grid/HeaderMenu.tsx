import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, type ReactNode, type SyntheticEvent } from "react";
import { MenuItem as AppMenuItem } from "../../../app/Menu.js";
import { useI18n } from "../../../i18n/I18nProvider.js";
import styles from "./HeaderMenu.module.css";

/** One action of a header menu. */
export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
}

// Clicks, double clicks and keys inside the menu are the menu's: the header below must not rename or drag on them,
// and the grid's arrow-key navigation must not move the focus away from the menu.
const keepInside = (event: SyntheticEvent) => event.stopPropagation();

/**
 * The "⋯" menu of a stage, step or lane header (Radix, like every menu of the app). Opens on click or, from the
 * focused header, on Shift+F10 or the context-menu key; arrow keys and typing move between items, Escape or a click
 * outside closes it, and focus goes back to the header unless the chosen action put it elsewhere (a rename field).
 */
export function HeaderMenu({
  name,
  items,
  open,
  onOpenChange,
  extra,
}: {
  name: string;
  items: MenuItem[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** More entries below the actions (the colour swatches), built from Radix menu items. */
  extra?: ReactNode;
}) {
  const { t, dir } = useI18n();
  const label = t("editor.menu.open", { name });
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    <DropdownMenu.Root open={open} onOpenChange={onOpenChange} dir={dir} modal={false}>
      <DropdownMenu.Trigger
        ref={triggerRef}
        tabIndex={-1}
        className={styles.button}
        aria-label={label}
        data-testid="header-menu"
        onClick={keepInside}
        onDoubleClick={keepInside}
      >
        ⋯
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        className={styles.menu}
        aria-label={label}
        align="end"
        sideOffset={4}
        collisionPadding={8}
        onClick={keepInside}
        onDoubleClick={keepInside}
        onKeyDown={keepInside}
        onPointerDown={keepInside}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          const active = document.activeElement;
          if (active && active !== document.body) return;
          triggerRef.current?.closest<HTMLElement>("[data-focus-key]")?.focus();
        }}
      >
        {items.map((item) => (
          <AppMenuItem key={item.label} onSelect={item.onSelect} disabled={item.disabled} danger={item.danger}>
            {item.label}
          </AppMenuItem>
        ))}
        {extra}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
