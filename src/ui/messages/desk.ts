// Strings of the check-in's faster ways at the desk: the plate keyboard's known vehicles and
// the one-tap fitting of every cover.
const zhCN = {
  'plate.known': '本机已有的车辆（点一下填入）',
  'plate.knownVehicle': '{plate} · {name} · 上次 {date}',
  'plate.prefixNote': '已按本机最常见的车牌开头填入 {prefix}，不对请按 ⌫',
  'covers.fitAll': '全部安装',
} as const;

export type DeskMessageKey = keyof typeof zhCN;

const en: Record<DeskMessageKey, string> = {
  'plate.known': 'Vehicles on this tablet (tap to fill in)',
  'plate.knownVehicle': '{plate} · {name} · last {date}',
  'plate.prefixNote': 'Started with {prefix}, the most common plate start on this tablet; tap ⌫ if wrong',
  'covers.fitAll': 'Fit all',
};

export const DESK_MESSAGES = { 'zh-CN': zhCN, en } as const;
