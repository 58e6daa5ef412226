import type { Touchpoint } from "@opencjm/core";
import { useState } from "react";
import { useI18n } from "../../../../i18n/I18nProvider.js";
import type { CardContext } from "../../CardView.js";
import { SearchPicker } from "../../fields/SearchPicker.js";
import { channelLabel } from "../channel/channelLabel.js";
import { NewTouchpointForm } from "./NewTouchpointForm.js";
import { TouchpointLabel } from "./TouchpointLabel.js";

/**
 * Picks a touchpoint from the workspace catalogue by name or channel; when none fits, creates one from the search
 * text (with the workspace known) and tells the grid so its catalogue has it too.
 */
export function TouchpointPicker({
  context,
  label,
  onPick,
  autoFocus,
}: {
  context: CardContext;
  label: string;
  onPick: (touchpoint: Touchpoint) => void;
  autoFocus?: boolean;
}) {
  const { t, locale } = useI18n();
  const [creating, setCreating] = useState<string | null>(null);
  // After the creation form closes, the search takes the focus back so the keyboard stays in the cell.
  const [returning, setReturning] = useState(false);
  const { catalogue, workspaceId } = context;
  if (creating !== null && workspaceId) {
    return (
      <NewTouchpointForm
        workspaceId={workspaceId}
        catalogue={catalogue}
        initialName={creating}
        onCancel={() => {
          setCreating(null);
          setReturning(true);
        }}
        onCreated={(touchpoint) => {
          setCreating(null);
          setReturning(true);
          context.onCatalogueChange?.({ touchpoint });
          onPick(touchpoint);
        }}
      />
    );
  }
  const items = [...catalogue.touchpoints.values()].map((touchpoint) => {
    const channel = catalogue.channels.get(touchpoint.channelId);
    return {
      key: touchpoint.id,
      searchText: `${touchpoint.name} ${channel ? channelLabel(channel, locale) : ""}`,
      content: <TouchpointLabel touchpoint={touchpoint} channel={channel} />,
    };
  });
  return (
    <SearchPicker
      items={items}
      label={label}
      autoFocus={autoFocus || returning}
      onPick={(id) => onPick(catalogue.touchpoints.get(id)!)}
      onCreate={workspaceId ? (query) => setCreating(query) : undefined}
      createLabel={(query) => t("cells.touchpoint.create", { name: query })}
    />
  );
}
