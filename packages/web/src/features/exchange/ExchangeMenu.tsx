import { useEffect, useState } from "react";
import { Menu, MenuItem, MenuNote } from "../../app/Menu.js";
import { useSession } from "../../app/SessionProvider.js";
import { useT } from "../../i18n/I18nProvider.js";
import { DEFAULT_EXPORT_CHOICE, prepareExport } from "./exchangeApi.js";
import { ExportDialog } from "./ExportDialog.js";
import { ShareDialog } from "./ShareDialog.js";

/**
 * Gets the server ready for an export as the menu opens (rendered inside the open menu): the export dialog, and the
 * export, usually follow, and the second or two until the dialog opens is time the server's browser needs to start.
 */
function PrepareExport({ workspaceId, mapId }: { workspaceId: string; mapId: string }) {
  useEffect(() => prepareExport(workspaceId, mapId, DEFAULT_EXPORT_CHOICE), [workspaceId, mapId]);
  return null;
}

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
        <PrepareExport workspaceId={workspaceId} mapId={mapId} />
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
