import {
  Calendar,
  Circle,
  CircleHelp,
  CreditCard,
  Globe,
  Handshake,
  LifeBuoy,
  Mail,
  Megaphone,
  MessageCircle,
  MessageSquare,
  MessagesSquare,
  Newspaper,
  Pen,
  Phone,
  Radio,
  Search,
  Share2,
  Smartphone,
  Star,
  Store,
  Truck,
  Tv,
  Users,
  type LucideIcon,
} from "lucide-react";

/** The icon set keyed by `Channel.icon` (the names of the built-in channel catalogue). */
const ICONS: Record<string, LucideIcon> = {
  globe: Globe,
  pen: Pen,
  "message-square": MessageSquare,
  share: Share2,
  megaphone: Megaphone,
  search: Search,
  star: Star,
  mail: Mail,
  smartphone: Smartphone,
  "message-circle": MessageCircle,
  messages: MessagesSquare,
  "help-circle": CircleHelp,
  "life-buoy": LifeBuoy,
  users: Users,
  phone: Phone,
  store: Store,
  "credit-card": CreditCard,
  handshake: Handshake,
  calendar: Calendar,
  tv: Tv,
  radio: Radio,
  newspaper: Newspaper,
  truck: Truck,
};

/** True when the icon name has a drawing (custom channels may name one we do not have). */
export function hasChannelIcon(name: string): boolean {
  return Object.hasOwn(ICONS, name);
}

/** A channel's icon; decorative (the channel's name is always written next to it), a plain circle when unknown. */
export function ChannelIcon({ icon, size = 14, className }: { icon: string; size?: number; className?: string }) {
  const Icon = hasChannelIcon(icon) ? ICONS[icon]! : Circle;
  return (
    <Icon
      size={size}
      aria-hidden="true"
      focusable="false"
      className={className}
      data-icon={hasChannelIcon(icon) ? icon : "circle"}
      strokeWidth={2}
    />
  );
}
