import { CircleEllipsis, Globe, Mail, MessageCircle, Phone, Share2, Smartphone, Store, Wrench, type LucideIcon } from 'lucide-react';

const ICONS: Record<string, LucideIcon> = {
  WEB: Globe, MOBILE_APP: Smartphone, EMAIL: Mail, PHONE: Phone, CHAT: MessageCircle, STORE: Store, SOCIAL: Share2,
  FIELD_SERVICE: Wrench, OTHER: CircleEllipsis,
};

/**
 * A touchpoint's channel at a glance. Decorative: the channel's name is written beside it. Drawn as inline SVG
 * (no icon font), so the PNG and PDF exports carry it too.
 */
export function ChannelIcon({ channel }: { channel: string }) {
  const Icon = ICONS[channel] ?? CircleEllipsis;
  return <Icon className="channel-icon" data-channel={channel} size={14} strokeWidth={2} aria-hidden="true" focusable="false" />;
}
