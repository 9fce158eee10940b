// Strings of the returning car: the last visit's marks (上次记录) on the walk-around, confirmed
// or cleared one by one or all at once, and the belongings and covers carried from last time.
const zhCN = {
  'previous.title': '上次记录',
  'previous.visit': '上次来店：{date}，{number}',
  'previous.fromTablet': '本机记录',
  'previous.fromServer': '服务器记录',
  'previous.lead': '上次的损伤：仍在的点"仍在"，已修好或没有了的点"已不在"。',
  'previous.allUnchanged': '全部无变化（{count} 处）',
  'previous.confirm': '仍在',
  'previous.clear': '已不在',
  'previous.marker': '上次记录：{mark}',
  'previous.list': '上次记录的损伤',
  'previous.photos': '{count} 张照片',
  'previous.photoLoading': '照片下载中',
  'previous.legend': '上次记录（待确认）',
  'previous.seenLastTime': '上次已有',
  'previous.belongingsFromLast': '已按上次勾选：{items}。请核对。',
  'previous.coversFromLast': '按上次安装：{covers}',
} as const;

export type ReturningMessageKey = keyof typeof zhCN;

const en: Record<ReturningMessageKey, string> = {
  'previous.title': 'Last visit',
  'previous.visit': 'Last visit: {date}, {number}',
  'previous.fromTablet': 'from this tablet',
  'previous.fromServer': 'from the store server',
  'previous.lead': 'Damage from last time: tap "Still there" or "Gone" for each.',
  'previous.allUnchanged': 'All unchanged ({count})',
  'previous.confirm': 'Still there',
  'previous.clear': 'Gone',
  'previous.marker': 'Last visit: {mark}',
  'previous.list': 'Damage recorded last visit',
  'previous.photos': '{count} photos',
  'previous.photoLoading': 'Photo downloading',
  'previous.legend': 'Last visit (to confirm)',
  'previous.seenLastTime': 'Seen last visit',
  'previous.belongingsFromLast': 'Ticked as last time: {items}. Please check.',
  'previous.coversFromLast': 'Fit as last time: {covers}',
};

export const RETURNING_MESSAGES = { 'zh-CN': zhCN as Record<ReturningMessageKey, string>, en } as const;
