import { useEffect, useRef, useState } from "react";

/**
 * A rename field in place of a header's name: Enter or leaving the field saves, Escape cancels. Keys never reach the
 * grid's navigation while it is open.
 */
export function InlineRename({
  value,
  label,
  maxLength = 200,
  onCommit,
  onCancel,
}: {
  value: string;
  label: string;
  maxLength?: number;
  onCommit: (value: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && draft !== value) onCommit(draft);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      aria-label={label}
      data-testid="rename"
      value={draft}
      maxLength={maxLength}
      dir="auto"
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(true);
        if (e.key === "Escape") finish(false);
      }}
      onBlur={() => finish(true)}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      style={{ inlineSize: "100%", minInlineSize: 0, font: "inherit" }}
    />
  );
}
