// Realistic job cards for the IndexedDB benchmark, from a seeded generator so every run
// searches the same data: plates from a Shenzhen desk's mix of provinces (mostly 粤B, some
// visitors), new-energy plates, valid VINs of common makers, Chinese names and mobile numbers.
import type { CardPatch } from '../../src/shared/job.ts';
import { vinCheckDigit } from '../../src/shared/vin.ts';

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to make reproducible test data. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

function weighted<T>(rng: Rng, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [item, w] of list) {
    r -= w;
    if (r < 0) return item;
  }
  const last = list[list.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}

const chars = (rng: Rng, alphabet: string, n: number) => Array.from({ length: n }, () => pick(rng, [...alphabet])).join('');

const DIGITS = '0123456789';
/** Plate letters: no I or O (GA 36-2018). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** VIN letters: no I, O or Q (ISO 3779). */
const VIN_ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** Province and issuing authority, weighted like a Shenzhen dealership's customers. */
export const PLATE_AREAS: readonly (readonly [string, number])[] = [
  ['粤B', 45], ['粤A', 7], ['粤S', 4], ['粤E', 3], ['粤L', 2], ['湘A', 4], ['沪A', 4], ['京N', 3],
  ['浙A', 4], ['苏E', 3], ['川A', 3], ['鄂A', 3], ['赣B', 2], ['桂A', 3], ['闽D', 3], ['豫A', 2],
  ['鲁B', 2], ['渝A', 2], ['京A', 1],
];

export function plate(rng: Rng): string {
  const area = weighted(rng, PLATE_AREAS);
  if (rng() < 0.18) {
    // Small new-energy car: 粤BD12345 / 粤BF1A234.
    return `${area}${pick(rng, ['D', 'F'])}${rng() < 0.7 ? chars(rng, DIGITS, 1) : chars(rng, PLATE_LETTERS, 1)}${chars(rng, DIGITS, 4)}`;
  }
  // Standard plate: five characters, mostly digits, letters without I/O.
  return area + Array.from({ length: 5 }, () => (rng() < 0.7 ? chars(rng, DIGITS, 1) : chars(rng, PLATE_LETTERS, 1))).join('');
}

const MAKERS: readonly (readonly [string, readonly string[]])[] = [
  ['LSV', ['大众 帕萨特', '大众 途观L', '斯柯达 明锐']],
  ['LFV', ['大众 迈腾', '奥迪 A6L', '大众 宝来']],
  ['LGB', ['日产 轩逸', '日产 奇骏']],
  ['LHG', ['本田 雅阁', '本田 CR-V']],
  ['LVG', ['丰田 凯美瑞', '丰田 汉兰达']],
  ['LBV', ['宝马 5系', '宝马 X3']],
  ['LE4', ['奔驰 C级', '奔驰 GLC']],
  ['LVS', ['福特 蒙迪欧', '福特 锐际']],
  ['LRW', ['特斯拉 Model 3', '特斯拉 Model Y']],
  ['LGX', ['比亚迪 汉', '比亚迪 宋PLUS', '比亚迪 秦PLUS']],
];

/** A 17-character VIN with a correct check digit and a 2018-2025 model year. */
export function vin(rng: Rng, wmi: string): string {
  const vds = chars(rng, VIN_ALNUM, 5);
  const year = pick(rng, ['J', 'K', 'L', 'M', 'N', 'P', 'R', 'S']);
  const plant = chars(rng, VIN_ALNUM, 1);
  const serial = chars(rng, DIGITS, 6);
  const draft = `${wmi}${vds}0${year}${plant}${serial}`;
  const check = vinCheckDigit(draft);
  if (check === null) throw new Error(`generated an impossible VIN ${draft}`);
  return `${draft.slice(0, 8)}${check}${draft.slice(9)}`;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞',
  '平', '刚', '桂英', '建华', '志强', '晓东', '海燕', '子涵', '浩然', '梓轩', '欣怡', '文博', '思远', '雨桐', '俊杰',
];
const COMPANIES = ['深圳市顺达物流有限公司', '华南科技有限公司', '鹏城建设集团', '南山区教育局'];
const COLORS = ['白色', '黑色', '银色', '灰色', '红色', '蓝色', '珍珠白', '星空灰'];
const REQUESTS = [
  '常规保养，更换机油机滤',
  '刹车有异响，请检查',
  '空调不凉，检查冷媒',
  '左前门刮痕，钣喷报价',
  '仪表盘发动机故障灯亮',
  '四轮定位，方向盘跑偏',
  '',
];

export type GeneratedCard = { card: CardPatch; plate: string; vin: string; name: string };

export function realisticCard(rng: Rng): GeneratedCard {
  const [wmi, models] = pick(rng, MAKERS);
  const name = pick(rng, SURNAMES) + pick(rng, GIVEN);
  const card: CardPatch = {
    customer: {
      name,
      phone: `1${pick(rng, ['3', '5', '7', '8', '9'])}${chars(rng, DIGITS, 9)}`,
      company: rng() < 0.15 ? pick(rng, COMPANIES) : '',
    },
    vehicle: {
      plate: plate(rng),
      vin: vin(rng, wmi),
      vinCheckAccepted: false,
      model: pick(rng, models),
      color: pick(rng, COLORS),
      engineNo: chars(rng, VIN_ALNUM, 8 + Math.floor(rng() * 3)),
    },
    odometerKm: 500 + Math.floor(rng() * 200_000),
    fuel: wmi === 'LRW' ? { kind: 'battery', percent: Math.floor(rng() * 101) } : { kind: 'gauge', eighths: Math.floor(rng() * 9) },
    serviceTypes: rng() < 0.6 ? { maintenance: true } : { repair: true },
    customerRequest: pick(rng, REQUESTS),
  };
  return { card, plate: card.vehicle?.plate ?? '', vin: card.vehicle?.vin ?? '', name };
}

/** Check-in times spread over the last year, in desk hours, so job numbers spread over days. */
export function createdAtWithinLastYear(rng: Rng, now = Date.now()): Date {
  const dayMs = 24 * 60 * 60 * 1000;
  const daysAgo = 1 + Math.floor(rng() * 365); // never in the future
  const minutesIntoDesk = Math.floor(rng() * 10 * 60); // 08:00-18:00 Beijing = 00:00-10:00 UTC
  const day = Math.floor((now - daysAgo * dayMs) / dayMs) * dayMs;
  return new Date(day + minutesIntoDesk * 60 * 1000);
}
