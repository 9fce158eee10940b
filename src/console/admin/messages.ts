// The administration page's words, zh-CN first with English (said with the console's useSay()).
import type { Words } from '../language.tsx';

export const W = {
  sections: { zh: '管理项目', en: 'Administration sections' },
  advisors: { zh: '顾问账号', en: 'Advisors' },
  tablets: { zh: '平板', en: 'Tablets' },
  enrollment: { zh: '平板接入码', en: 'Enrollment code' },
  catalogue: { zh: '项目目录导入', en: 'Catalogue import' },
  profile: { zh: '门店信息', en: 'Store profile' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  working: { zh: '正在处理…', en: 'Working…' },
  cancel: { zh: '取消', en: 'Cancel' },
  done: { zh: '我已记下', en: 'Done, noted' },
  never: { zh: '从未', en: 'Never' },

  // advisors
  username: { zh: '用户名', en: 'Username' },
  name: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  state: { zh: '状态', en: 'State' },
  actions: { zh: '操作', en: 'Actions' },
  roleAdvisor: { zh: '服务顾问', en: 'Advisor' },
  roleAdmin: { zh: '管理员', en: 'Admin' },
  active: { zh: '启用', en: 'Active' },
  disabledSince: { zh: '已停用（{when}）', en: 'Disabled ({when})' },
  you: { zh: '（您）', en: ' (you)' },
  addAdvisor: { zh: '添加顾问', en: 'Add an advisor' },
  add: { zh: '添加', en: 'Add' },
  usernameHint: { zh: '2 到 40 个小写字母、数字、点、横线或下划线，如 wang.li', en: '2 to 40 lower-case letters, digits, dots, dashes or underscores, e.g. wang.li' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '重新启用', en: 'Enable again' },
  confirmDisable: { zh: '停用 {name}？停用后不能在平板和管理台登录，已有的接车单不变。', en: 'Disable {name}? They can no longer sign in on the tablets or the console; their cards stay as they are.' },
  confirmReset: { zh: '为 {name} 生成新密码？旧密码立即失效。', en: 'Make a new password for {name}? The old one stops working at once.' },
  passwordOnce: { zh: '{name}（{username}）的密码，只显示这一次，请记下并交给本人：', en: 'Password of {name} ({username}), shown this once: note it and hand it to them:' },
  cannotDisableSelf: { zh: '不能停用自己的账号', en: 'You cannot disable yourself' },

  // tablets
  letter: { zh: '编号', en: 'Letter' },
  tabletName: { zh: '名称', en: 'Name' },
  enrolled: { zh: '接入时间', en: 'Enrolled' },
  lastSeen: { zh: '最后联系', en: 'Last seen' },
  revoked: { zh: '已吊销（{when}）', en: 'Revoked ({when})' },
  noTablets: { zh: '还没有平板接入。请在"平板接入码"中生成接入码。', en: 'No tablet is enrolled yet. Issue a code under "Enrollment code".' },
  revoke: { zh: '吊销', en: 'Revoke' },
  confirmRevoke: {
    zh: '吊销 {letter} 号平板"{name}"？它将无法再同步；其中未同步的内容留在平板上，直到重新接入。',
    en: 'Revoke tablet {letter} "{name}"? It can no longer sync; its unsynced work stays on it until it is enrolled again.',
  },
  confirmRevokeButton: { zh: '确认吊销', en: 'Yes, revoke' },
  allowReenrollment: { zh: '允许重新接入', en: 'Allow re-enrollment' },
  reenrollmentAllowed: {
    zh: '{letter} 号平板在 {until} 前可用接入码重新接入。只批准您手里的这台平板：谁先用它的身份接入，谁就占用这个编号。',
    en: 'Tablet {letter} may connect again with an enrollment code until {until}. Only approve a tablet you have in your hands: whoever connects with its identity first gets its place.',
  },

  // enrollment codes
  days: { zh: '有效天数（1–90）', en: 'Valid for days (1–90)' },
  uses: { zh: '可接入平板数（1–100）', en: 'Tablets it can enroll (1–100)' },
  issue: { zh: '生成接入码', en: 'Issue a code' },
  codeFor: { zh: '接入码', en: 'Enrollment code' },
  codeValid: { zh: '{until} 前有效，可接入 {uses} 台平板。', en: 'Valid until {until} for {uses} tablets.' },
  scan: {
    zh: '用平板的相机扫描二维码，或在平板的"设置 › 连接门店"中输入接入码。',
    en: "Scan the QR code with the tablet's camera, or type the code in the tablet's Settings › Connect to store.",
  },
  qrAlt: { zh: '接入码 {code} 的二维码', en: 'QR code of enrollment code {code}' },
  qrFailed: { zh: '二维码加载失败：请检查网络后重试，或直接输入接入码。', en: 'The QR code did not load: check the network and try again, or type the code.' },
  qrAddress: { zh: '二维码打开的地址：', en: 'The QR code opens:' },
  qrLocal: {
    zh: '这是本机地址，平板打不开。请在平板能访问的地址（如门店服务器的局域网地址）打开管理台，再生成二维码；也可直接输入接入码。',
    en: 'This address is this computer only; a tablet cannot open it. Open the console at an address the tablets reach (the store server on the LAN) and issue the code there, or type the code.',
  },

  // catalogue
  chooseCsv: { zh: '选择 CSV 文件（Excel 或 WPS 导出，UTF-8 或 GBK）', en: 'Choose a CSV file (from Excel or WPS, UTF-8 or GBK)' },
  tooLarge: { zh: '文件 {size} MB，超过 {max} MB 上限。请确认选对了文件。', en: 'The file is {size} MB, over the {max} MB limit. Check that it is the right file.' },
  previewOf: { zh: '"{file}"：{count} 个有效项目，{bad} 行有错误。', en: '"{file}": {count} good items, {bad} bad rows.' },
  replaces: { zh: '导入将替换现有目录（{count} 项）。平板在下次同步时收到新目录。', en: 'Importing replaces the current catalogue ({count} items). Tablets get it at their next sync.' },
  firstRows: { zh: '前 {n} 行', en: 'The first {n} rows' },
  code: { zh: '编码', en: 'Code' },
  kind: { zh: '类型', en: 'Kind' },
  itemName: { zh: '名称', en: 'Name' },
  unit: { zh: '单位', en: 'Unit' },
  price: { zh: '单价（元）', en: 'Unit price (yuan)' },
  labour: { zh: '工时', en: 'Labour' },
  part: { zh: '配件', en: 'Part' },
  badRows: { zh: '有错误的行（请在表格中改正后重新选择文件）', en: 'Bad rows (fix them in the spreadsheet, then choose the file again)' },
  moreErrors: { zh: '另有 {n} 行错误未列出。', en: '{n} more bad rows are not listed.' },
  importNow: { zh: '确认导入 {count} 项', en: 'Import {count} items' },
  cannotImport: { zh: '有错误的行时不能导入：一行都不会导入。', en: 'Nothing can be imported while rows are bad.' },
  imported: { zh: '已导入 {count} 项（目录版本 {version}）。平板在下次同步时收到。', en: 'Imported {count} items (catalogue version {version}). Tablets get it at their next sync.' },

  // store profile
  storeName: { zh: '门店名称（打印在客户联上）', en: 'Store name (printed on the customer copy)' },
  address: { zh: '地址', en: 'Address' },
  phone: { zh: '电话', en: 'Phone' },
  defaults: { zh: '估价单默认值（平板可再改）', en: 'Estimate defaults (a tablet may change them)' },
  oldParts: { zh: '旧件处理', en: 'Old parts' },
  payment: { zh: '付款方式', en: 'Payment' },
  carWash: { zh: '洗车', en: 'Car wash' },
  promisedInHours: { zh: '承诺交车（小时，1–{max}）', en: 'Promised in (hours, 1–{max})' },
  notChosen: { zh: '不设（由平板决定）', en: 'Not set (the tablet decides)' },
  yes: { zh: '洗车', en: 'Wash' },
  no: { zh: '不洗车', en: 'No wash' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存，平板在下次同步时收到。', en: 'Saved; tablets get it at their next sync.' },
  hoursInvalid: { zh: '请填 1 到 {max} 的整数，或留空。', en: 'Type a whole number from 1 to {max}, or leave it empty.' },
  logoNotYet: { zh: '门店标志（logo）暂不支持上传。', en: 'A store logo cannot be uploaded yet.' },
} satisfies Record<string, Words>;

/** Words for the server's refusals the page knows; any other shows the server's own message. */
export const REFUSALS: Record<string, Words> = {
  cannot_disable_self: { zh: '不能停用自己的账号：您会立即被登出，且无人能恢复。请让另一位管理员操作。', en: 'You cannot disable yourself: your own sign-in would end with nobody to undo it. Ask another admin.' },
  last_admin: { zh: '这是门店最后一位启用的管理员：停用后无人能添加顾问、吊销平板或生成接入码。请先添加另一位管理员。', en: "This is the store's last active admin: without one nobody could add advisors, revoke tablets or issue codes. Add another admin first." },
  username_taken: { zh: '这个用户名已存在，请换一个。', en: 'This username exists already; choose another.' },
  too_large: { zh: '文件太大，超过上限。请确认选对了文件。', en: 'The file is over the size limit. Check that it is the right file.' },
};
