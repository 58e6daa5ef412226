import { useState } from "react";
import { Menu, MenuItem, MenuNote } from "../../app/Menu.js";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { ExportDialog } from "./ExportDialog.js";
import { ShareDialog } from "./ShareDialog.js";

/** The map editor's "Export and share" menu: every export format, and read-only share links for editors. */
export function ExchangeMenu({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  const t = useT();
  const { roleIn } = useSession();
  const role = roleIn(workspaceId);
  const canShare = role === "owner" || role === "editor";
  const [open, setOpen] = useState<"export" | "share" | undefined>(undefined);
  return (
    <>
      <Menu label={t("exchange.menu")} testId="exchange-menu">
        <MenuItem testId="open-export" onSelect={() => setOpen("export")}>
          {t("exchange.menu.export")}
        </MenuItem>
        {canShare ? (
          <MenuItem testId="open-share" onSelect={() => setOpen("share")}>
            {t("exchange.menu.share")}
          </MenuItem>
        ) : (
          <MenuNote>{t("exchange.share.viewOnly")}</MenuNote>
        )}
      </Menu>
      {open === "export" && <ExportDialog workspaceId={workspaceId} mapId={mapId} onClose={() => setOpen(undefined)} />}
      {open === "share" && <ShareDialog workspaceId={workspaceId} mapId={mapId} onClose={() => setOpen(undefined)} />}
    </>
  );
}
