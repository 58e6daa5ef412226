import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import styles from "./Menu.module.css";

/** A button that opens a small panel of actions; closes on Escape, on a click outside and after an action. */
export function Menu({
  label,
  children,
  align = "end",
  testId,
  buttonClassName,
}: {
  label: ReactNode;
  children: (close: () => void) => ReactNode;
  align?: "start" | "end";
  testId?: string;
  buttonClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const items = () => [...(panel.current?.querySelectorAll<HTMLElement>("a[href], button:not(:disabled)") ?? [])];
    // Keyboard users land on the first entry and move with the arrow keys; Escape returns to the button.
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        const list = items();
        if (list.length === 0) return;
        e.preventDefault();
        const at = list.indexOf(document.activeElement as HTMLElement);
        list[(at + (e.key === "ArrowDown" ? 1 : list.length - 1)) % list.length]?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className={styles.menu} ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName ?? "btn btn-ghost"}
        aria-expanded={open}
        aria-controls={id}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span aria-hidden="true" className={styles.caret}>
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          className={`${styles.panel} ${align === "start" ? styles.start : styles.end}`}
          data-testid={testId ? `${testId}-panel` : undefined}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
