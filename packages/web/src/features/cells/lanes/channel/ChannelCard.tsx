import type { Card, Channel } from "@opencjm/core";
import { useI18n, useT } from "../../../../i18n/I18nProvider.js";
import type { CardAdderProps, CardDisplayProps, CardEditorProps, CardView } from "../../CardView.js";
import type { CellCatalogue } from "../../CellContentProps.js";
import { SearchPicker } from "../../fields/SearchPicker.js";
import { ChannelIcon } from "../../icons/ChannelIcon.js";
import { channelLabel } from "./channelLabel.js";
import { OnlineMarker } from "./OnlineMarker.js";
import styles from "./ChannelCard.module.css";

type ChannelCard = Extract<Card, { kind: "channel" }>;

/** A channel with its icon and online marker; used by channel and touchpoint cards and pickers. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { locale } = useI18n();
  return (
    <span className={styles.channel} data-channel={channel.key}>
      <ChannelIcon icon={channel.icon} className={styles.icon} />
      <bdi className={styles.name}>{channelLabel(channel, locale)}</bdi>
      <OnlineMarker online={channel.online} />
    </span>
  );
}

function ChannelDisplay({ card, context }: CardDisplayProps<ChannelCard>) {
  const t = useT();
  const channel = context.catalogue.channels.get(card.channelId);
  return channel ? (
    <ChannelBadge channel={channel} />
  ) : (
    <span className={styles.unknown}>{t("cells.channel.unknown")}</span>
  );
}

/** A searchable list of the workspace's channels. */
export function ChannelChooser({
  catalogue,
  label,
  onPick,
  autoFocus,
}: {
  catalogue: CellCatalogue;
  label: string;
  onPick: (channel: Channel) => void;
  autoFocus?: boolean;
}) {
  const { locale } = useI18n();
  const items = [...catalogue.channels.values()].map((channel) => ({
    key: channel.id,
    searchText: `${channelLabel(channel, locale)} ${channel.name}`,
    content: <ChannelBadge channel={channel} />,
  }));
  return (
    <SearchPicker
      items={items}
      label={label}
      autoFocus={autoFocus}
      onPick={(id) => onPick(catalogue.channels.get(id)!)}
    />
  );
}

function ChannelEditor({ card, save, context }: CardEditorProps<ChannelCard>) {
  const t = useT();
  return (
    <>
      <ChannelDisplay card={card} context={context} />
      <ChannelChooser
        catalogue={context.catalogue}
        label={t("cells.channel.change")}
        onPick={(channel) => save({ channelId: channel.id })}
      />
    </>
  );
}

function ChannelAdder({ add, context }: CardAdderProps) {
  const t = useT();
  return (
    <ChannelChooser
      catalogue={context.catalogue}
      label={t("cells.adder.channel")}
      onPick={(channel) => add({ kind: "channel", channelId: channel.id })}
    />
  );
}

/** Channels used at this step, picked from the workspace's channel catalogue and drawn with their icons. */
export const channelCardView: CardView<ChannelCard> = {
  Display: ChannelDisplay,
  Editor: ChannelEditor,
  Adder: ChannelAdder,
  plainText: (card, context) => context.catalogue.channels.get(card.channelId)?.name ?? "",
};
