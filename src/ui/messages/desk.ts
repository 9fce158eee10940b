// Strings of the check-in's faster ways at the desk: the plate keyboard's known vehicles (and
// the keyboard open by itself on an empty plate), the one-tap fitting of every cover, and
// 完成接车 going on to the estimate.
const zhCN = {
  'plate.known': '本机已有的车辆（点一下填入）',
  'plate.knownVehicle': '{plate} · {name} · 上次 {date}',
  'plate.prefixNote': '已按本机最常见的车牌开头填入 {prefix}，不对请按 ⌫',
  'plate.openedNote': '车牌还空着：键盘已打开，并按本机最常见的车牌开头填入 {prefix}，不对请按 ⌫',
  'covers.fitAll': '全部安装',
  'checkIn.onToEstimate': '接车单已完成，接着填写估价单',
} as const;

export type DeskMessageKey = keyof typeof zhCN;

const en: Record<DeskMessageKey, string> = {
  'plate.known': 'Vehicles on this tablet (tap to fill in)',
  'plate.knownVehicle': '{plate} · {name} · last {date}',
  'plate.prefixNote': 'Started with {prefix}, the most common plate start on this tablet; tap ⌫ if wrong',
  'plate.openedNote': 'No plate yet: the keyboard is open, started with {prefix}, the most common plate start on this tablet; tap ⌫ if wrong',
  'covers.fitAll': 'Fit all',
  'checkIn.onToEstimate': 'The check-in sheet is complete; the estimate is next',
};

export const DESK_MESSAGES = { 'zh-CN': zhCN, en } as const;
