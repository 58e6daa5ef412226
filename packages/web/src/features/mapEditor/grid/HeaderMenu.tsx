import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../../../i18n/I18nProvider.js";
import styles from "./HeaderMenu.module.css";

/** One action of a header menu. */
export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * The "⋯" menu of a stage, step or lane header. Opens on click or, from the focused header, on Shift+F10 or the
 * context-menu key; arrow keys move between items, Escape closes it and gives focus back.
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
  extra?: ReactNode;
}) {
  const t = useT();
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>("[role=menuitem]:not([disabled])")?.focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node))
        onOpenChange(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, onOpenChange]);

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]:not([disabled]), [data-menu-extra] button") ??
        []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      onOpenChange(false);
      (buttonRef.current?.closest("[data-focus-key]") as HTMLElement | null)?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <span className={styles.anchor}>
      <button
        ref={buttonRef}
        type="button"
        tabIndex={-1}
        className={styles.button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("editor.menu.open", { name })}
        data-testid="header-menu"
        onClick={(e) => {
          e.stopPropagation();
          onOpenChange(!open);
        }}
      >
        ⋯
      </button>
      {open && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={t("editor.menu.open", { name })}
          className={styles.menu}
          onKeyDown={onKeyDown}
          onClick={(e) => e.stopPropagation()}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              className={item.danger ? styles.danger : undefined}
              onClick={() => {
                onOpenChange(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
          {extra && <div data-menu-extra>{extra}</div>}
        </div>
      )}
    </span>
  );
}
