/**
 * The intake channels, one vocabulary for tickets, conversations and the X-Minhu-Channel header
 * (Chatwoot-style: every channel is an adapter in front of one intake service).
 */
import { z } from 'zod';

export const CHANNELS = ['miniprogram', 'h5', 'official-account', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);

export const CHANNEL_LABELS: Record<Channel, string> = {
  miniprogram: '微信小程序',
  h5: 'H5 网页',
  'official-account': '微信公众号',
  api: '开放接口',
};

/**
 * Channels a client names in the X-Minhu-Channel header. The official account never sends it: WeChat's
 * servers call its own route, which is the channel.
 */
export const HEADER_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, 'official-account'> => c !== 'official-account');
export type HeaderChannel = (typeof HEADER_CHANNELS)[number];

/** X-Minhu-Channel: which client sent the request (default `api`). */
export const ChannelHeaderSchema = z.enum(HEADER_CHANNELS).default('api');
