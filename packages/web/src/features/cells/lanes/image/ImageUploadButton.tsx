import { ImageUp } from "lucide-react";
import { useRef, useState } from "react";
import { useT } from "../../../../i18n/I18nProvider.js";
import { CELL_FIELD_ATTRIBUTE } from "../../fields/CellEditingContext.js";
import type { FieldProblem } from "../../fields/FieldProblem.js";
import { imageFileToDataUrl } from "./fitImage.js";
import styles from "./ImageUploadButton.module.css";

/** Picks a picture from the device and hands back a thumbnail data URL small enough for a card, or a problem. */
export function ImageUploadButton({
  label,
  onImage,
  onProblem,
}: {
  label: string;
  onImage: (dataUrl: string) => void;
  onProblem: (problem: FieldProblem) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      {/* Busy, not disabled: a disabled button drops the keyboard focus, and with it the cell's edit mode. */}
      <button
        type="button"
        {...{ [CELL_FIELD_ATTRIBUTE]: "" }}
        className={styles.button}
        aria-busy={busy}
        onClick={() => !busy && input.current?.click()}
      >
        <ImageUp size={13} aria-hidden="true" />
        {busy ? t("cells.image.shrinking") : label}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        hidden
        data-testid="image-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          setBusy(true);
          try {
            const url = await imageFileToDataUrl(file);
            if (url) onImage(url);
            else onProblem({ field: "url", code: file.type.startsWith("image/") ? "imageTooLarge" : "notAnImage" });
          } catch {
            onProblem({ field: "url", code: "imageTooLarge" });
          } finally {
            setBusy(false);
          }
        }}
      />
    </>
  );
}
