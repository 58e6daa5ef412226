import { useState } from "react";
import { useT } from "../../i18n/I18nProvider.js";
import { Button } from "../../app/Button.js";

/** A button that copies a link to the clipboard and says so. */
export function CopyLinkButton({ url, testId }: { url: string; testId?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): the link stays visible to copy by hand.
      setCopied(false);
    }
  };
  return (
    <Button size="small" onClick={() => void handleCopy()} data-testid={testId}>
      {copied ? t("common.action.copied") : t("members.copyLink")}
    </Button>
  );
}
