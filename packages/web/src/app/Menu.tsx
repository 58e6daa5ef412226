import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useState, type ReactNode } from "react";
import { Link } from "wouter";
import { useI18n } from "../i18n/I18nProvider.js";
import { buttonClassName } from "./Button.js";
import styles from "./Menu.module.css";

/**
 * A button that opens a small list of actions (Radix): it opens by click, Enter, Space or Arrow Down; arrow keys and
 * typing a letter move between entries, Enter picks one, and Escape or a click outside closes it with focus back on
 * the button. Entries are `MenuItem`, `MenuLink`, `MenuNote` and `MenuSeparator`.
 */
export function Menu({
  label,
  children,
  align = "end",
  side = "bottom",
  testId,
  buttonClassName: triggerClassName,
  panelClassName,
  caret = true,
}: {
  label: ReactNode;
  /** The entries, or a function of `close` for entries that close the menu themselves. */
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: "start" | "end";
  /** Where the list opens: below the button, or above it (a button at the bottom of a long page). */
  side?: "top" | "bottom";
  testId?: string;
  buttonClassName?: string;
  /** Extra classes for the list (a grid of entries instead of one column). */
  panelClassName?: string;
  caret?: boolean;
}) {
  const { dir } = useI18n();
  const [open, setOpen] = useState(false);
  // Radix aligns by physical edge; "end" is the inline end, which is the left edge right to left.
  const physical = (align === "end") === (dir === "ltr") ? "end" : "start";
  return (
    // Not modal: a dialog opened from an entry takes focus and the page over without fighting the menu for them.
    <DropdownMenu.Root open={open} onOpenChange={setOpen} dir={dir} modal={false}>
      <DropdownMenu.Trigger className={triggerClassName ?? buttonClassName("ghost")} data-testid={testId}>
        {label}
        {caret && (
          <span aria-hidden="true" className={styles.caret}>
            ▾
          </span>
        )}
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        className={panelClassName ? `${styles.panel} ${panelClassName}` : styles.panel}
        side={side}
        align={physical}
        sideOffset={4}
        collisionPadding={8}
        data-testid={testId ? `${testId}-panel` : undefined}
      >
        {typeof children === "function" ? children(() => setOpen(false)) : children}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

/** An action of a menu; picking it closes the menu unless `onSelect` calls `event.preventDefault()`. */
export function MenuItem({
  onSelect,
  children,
  disabled,
  danger,
  testId,
  ...data
}: {
  onSelect: (event: Event) => void;
  children: ReactNode;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
  /** `data-*` attributes that name what the entry stands for (e.g. `data-lane-type`). */
  [data: `data-${string}`]: string | undefined;
}) {
  return (
    <DropdownMenu.Item
      {...data}
      className={danger ? `${styles.item} ${styles.danger}` : styles.item}
      disabled={disabled}
      onSelect={onSelect}
      data-testid={testId}
    >
      {children}
    </DropdownMenu.Item>
  );
}

/** An entry of a menu that goes to another page of the app. */
export function MenuLink({
  href,
  children,
  current,
  testId,
}: {
  href: string;
  children: ReactNode;
  current?: boolean;
  testId?: string;
}) {
  return (
    <DropdownMenu.Item asChild className={styles.item}>
      <Link href={href} aria-current={current ? "page" : undefined} data-testid={testId}>
        {children}
      </Link>
    </DropdownMenu.Item>
  );
}

/** A line of text in a menu that is not an action (a heading, or why there is nothing to pick). */
export function MenuNote({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className={styles.note}>{children}</DropdownMenu.Label>;
}

/** A line between groups of entries. */
export function MenuSeparator() {
  return <DropdownMenu.Separator className={styles.separator} />;
}
