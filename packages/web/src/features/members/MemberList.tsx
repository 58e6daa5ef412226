import { ROLES, type MemberInfo, type Role } from "@opencjm/core";
import { buttonClassName } from "../../app/Button.js";
import { Menu, MenuItem } from "../../app/Menu.js";
import { useT } from "../../i18n/I18nProvider.js";
import styles from "./Members.module.css";

/** What an owner can do to another member from the list. */
export interface MemberActions {
  onChangeRole: (member: MemberInfo, role: Role) => void;
  onTransfer: (member: MemberInfo) => void;
  onRemove: (member: MemberInfo) => void;
}

/**
 * The members of a workspace with their roles. An owner gets a role picker and a menu (make owner instead of me,
 * remove) on everyone else's row; everybody else sees the roles only.
 */
export function MemberList({
  members,
  myUserId,
  canManage,
  actions,
}: {
  members: MemberInfo[];
  myUserId: string;
  canManage: boolean;
  actions: MemberActions;
}) {
  const t = useT();
  return (
    <table className={styles.table} data-testid="member-list">
      <thead>
        <tr>
          <th scope="col">{t("members.columnName")}</th>
          <th scope="col">{t("members.columnEmail")}</th>
          <th scope="col">{t("members.columnRole")}</th>
          {canManage && <th scope="col" aria-hidden="true" />}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const mine = member.userId === myUserId;
          const manageable = canManage && !mine;
          return (
            <tr key={member.userId} data-testid="member-row" data-email={member.email}>
              <td>
                <bdi>{member.name}</bdi>
                {mine && <span className={`badge ${styles.you}`}>{t("members.you")}</span>}
              </td>
              <td className={styles.muted}>
                <bdi>{member.email}</bdi>
              </td>
              <td>
                {manageable ? (
                  <select
                    className={styles.select}
                    aria-label={t("members.roleOf", { name: member.name })}
                    value={member.role}
                    onChange={(e) => actions.onChangeRole(member, e.target.value as Role)}
                    data-testid="member-role"
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`common.role.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="badge" data-testid="member-role-badge">
                    {t(`common.role.${member.role}`)}
                  </span>
                )}
              </td>
              {canManage && (
                <td className={styles.cellActions}>
                  {manageable && (
                    <Menu
                      testId="member-actions"
                      buttonClassName={buttonClassName("ghost", "small")}
                      label={
                        <>
                          <span aria-hidden="true">⋯</span>
                          <span className="visually-hidden">{t("members.actionsOf", { name: member.name })}</span>
                        </>
                      }
                    >
                      <MenuItem testId="transfer-ownership" onSelect={() => actions.onTransfer(member)}>
                        {t("members.transfer")}
                      </MenuItem>
                      <MenuItem testId="remove-member" danger onSelect={() => actions.onRemove(member)}>
                        {t("members.remove")}
                      </MenuItem>
                    </Menu>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
