// The DMS export page's words, zh-CN first, English beside.
import type { Words } from '../language.tsx';

export const W = {
  title: { zh: '导出到 DMS', en: 'Export to the DMS' },
  intro: {
    zh: '导出所选日期内完成接车的工单及其项目（估价项目和客户同意的追加项目），供 DMS 导入，无需重复录入。',
    en: 'Exports the cards checked in on the chosen days with their lines (the estimate and the additional lines the customer approved), for the DMS to import instead of retyping them.',
  },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  format: { zh: '格式', en: 'Format' },
  csv: { zh: 'CSV（Excel 可打开，每个项目一行）', en: 'CSV (opens in Excel, one row per line)' },
  json: { zh: 'JSON（按文档格式）', en: 'JSON (the documented format)' },
  download: { zh: '下载', en: 'Download' },
  downloading: { zh: '正在导出…', en: 'Exporting…' },
  done: { zh: '已下载 {file}。', en: 'Downloaded {file}.' },
  tooLong: { zh: '一次最多导出 {days} 天。', en: 'Export at most {days} days at a time.' },
  backwards: { zh: '结束日期不能早于开始日期。', en: 'The last day cannot be before the first.' },
  dmsTitle: { zh: 'DMS 自动获取', en: 'For the DMS to fetch by itself' },
  dmsText: {
    zh: 'DMS 可直接请求下面的地址，使用门店管理员账号的 HTTP Basic 认证（用户名写作“门店代码/用户名”）。说明文档见 {doc}。',
    en: "The DMS can fetch the address below itself, with HTTP Basic authentication as a store administrator (user name written STORECODE/username). The documentation is at {doc}.",
  },
} satisfies Record<string, Words>;
