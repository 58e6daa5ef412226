import { useState } from "react";
import { useT } from "../i18n/I18nProvider.js";
import { CreateWorkspaceForm } from "./CreateWorkspaceForm.js";
import { Dialog } from "./Dialog.js";
import { Menu, MenuItem, MenuLink, MenuNote, MenuSeparator } from "./Menu.js";
import { useSession } from "./SessionProvider.js";
import styles from "./AppShell.module.css";

/** The current workspace's name; opens the list of the user's workspaces and a way to create one. */
export function WorkspaceSwitcher({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const { session } = useSession();
  const [creating, setCreating] = useState(false);
  const workspaces = session?.workspaces ?? [];
  const current = workspaces.find((w) => w.id === workspaceId);
  return (
    <>
      <Menu
        align="start"
        testId="workspace-switcher"
        label={
          <span className={styles.workspace}>
            <span className="visually-hidden">{t("shell.workspace")}: </span>
            <bdi>{current?.name ?? t("shell.workspace")}</bdi>
          </span>
        }
      >
        <MenuNote>{t("shell.yourWorkspaces")}</MenuNote>
        {workspaces.map((w) => (
          <MenuLink key={w.id} href={`~/w/${w.id}`} current={w.id === workspaceId}>
            <bdi>{w.name}</bdi>
            <span className="badge">{t(`common.role.${w.role}`)}</span>
          </MenuLink>
        ))}
        <MenuSeparator />
        <MenuLink href={`~/w/${workspaceId}/members`} testId="workspace-members">
          {t("members.nav")}
        </MenuLink>
        <MenuLink href={`~/w/${workspaceId}/ideas`} testId="workspace-ideas">
          {t("ideas.nav")}
        </MenuLink>
        <MenuLink href={`~/w/${workspaceId}/kpis`} testId="workspace-kpis">
          {t("kpis.list.nav")}
        </MenuLink>
        <MenuItem onSelect={() => setCreating(true)}>+ {t("shell.createWorkspace")}</MenuItem>
      </Menu>
      {creating && (
        <Dialog title={t("shell.createWorkspace")} onClose={() => setCreating(false)}>
          <CreateWorkspaceForm onCancel={() => setCreating(false)} />
        </Dialog>
      )}
    </>
  );
}
