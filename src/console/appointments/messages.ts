// The appointments page's words, zh-CN first.
import type { Words } from '../language.tsx';

export const W = {
  title: { zh: '预约', en: 'Appointments' },
  bookTitle: { zh: '新建预约', en: 'Book a customer' },
  editTitle: { zh: '修改预约', en: 'Change the booking' },
  name: { zh: '客户姓名', en: 'Customer' },
  phone: { zh: '电话', en: 'Phone' },
  plate: { zh: '车牌', en: 'Plate' },
  platePlaceholder: { zh: '不知道可留空', en: 'Leave empty if not known' },
  at: { zh: '预约时间', en: 'Time' },
  time: { zh: '时间', en: 'Time' },
  service: { zh: '服务类型', en: 'Service' },
  note: { zh: '备注（客户描述）', en: 'Note (what the customer said)' },
  book: { zh: '预约', en: 'Book' },
  save: { zh: '保存修改', en: 'Save the change' },
  cancel: { zh: '取消', en: 'Cancel' },
  booked: { zh: '已预约：{name}，{time}（{number}）。平板下次同步后在接车单列表顶部显示。', en: 'Booked: {name}, {time} ({number}). The tablets show it at the top of their list after their next sync.' },
  moved: { zh: '已修改：{name}，{time}（{number}）。', en: 'Changed: {name}, {time} ({number}).' },
  listTitle: { zh: '当天预约', en: 'Bookings of the day' },
  day: { zh: '日期', en: 'Day' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  none: { zh: '这一天没有预约。', en: 'No booking on this day.' },
  state: { zh: '状态', en: 'State' },
  expected: { zh: '待到店', en: 'Expected' },
  arrived: { zh: '已到店接车', en: 'Came in' },
  noShow: { zh: '未到店', en: 'Did not come' },
  edit: { zh: '改期/修改', en: 'Move or change' },
  markNoShow: { zh: '标记未到店', en: 'Mark as not come' },
  cameAfterAll: { zh: '撤销未到店', en: 'Came after all' },
} satisfies Record<string, Words>;

export const SERVICE_WORDS = {
  maintenance: { zh: '保养', en: 'Maintenance' },
  repair: { zh: '维修', en: 'Repair' },
  bodyPaint: { zh: '钣喷', en: 'Body and paint' },
  warranty: { zh: '保修', en: 'Warranty' },
  insurance: { zh: '保险', en: 'Insurance' },
} satisfies Record<string, Words>;
