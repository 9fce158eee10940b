// A store's labour and parts catalogue of 20,000 items for the catalogue search benchmark, from
// a seeded generator so every run searches the same data. Names as a 4S store's parts system
// exports them: vehicle model, part, position, grade ("卡罗拉 前刹车片（原厂）", "朗逸 1.5L
// 更换空调滤芯"); codes mostly the store's own (P-100001, L-20001), a share of them OEM part
// numbers (Toyota 04465-02220, VW 5Q0698151A); pinyin initials computed exactly as the app's
// CSV import does (initialsWith + pinyin-pro); prices in whole yuan, stored in 分.
import { pinyin } from 'pinyin-pro';
import { initialsWith } from '../../src/shared/catalogue-initials.ts';
import { catalogueItemSchema, type CatalogueItem } from '../../src/shared/catalogue.ts';
import { seededRng, type Rng } from './cards.ts';

type Brand = 'toyota' | 'honda' | 'nissan' | 'vw' | 'other';

/** Models with their engine or trim variants; the brand decides the OEM part number style. */
const MODELS: readonly (readonly [Brand, string, readonly string[]])[] = [
  ['toyota', '卡罗拉', ['1.2T', '1.5L', '双擎']],
  ['toyota', '凯美瑞', ['2.0L', '2.5L', '双擎']],
  ['toyota', '雷凌', ['1.2T', '双擎']],
  ['toyota', '汉兰达', ['2.0T', '双擎']],
  ['toyota', 'RAV4荣放', ['2.0L', '双擎']],
  ['toyota', '亚洲龙', ['2.0L', '2.5L']],
  ['toyota', '威驰', ['1.5L']],
  ['honda', '思域', ['1.5T', '2.0L']],
  ['honda', '雅阁', ['1.5T', '混动']],
  ['honda', '飞度', ['1.5L']],
  ['honda', 'CR-V', ['1.5T', '混动']],
  ['honda', '缤智', ['1.5L']],
  ['nissan', '轩逸', ['1.6L', 'e-POWER']],
  ['nissan', '天籁', ['2.0L', '2.0T']],
  ['nissan', '奇骏', ['2.0L', '2.5L']],
  ['nissan', '逍客', ['2.0L']],
  ['vw', '朗逸', ['1.5L', '1.4T']],
  ['vw', '速腾', ['1.4T', '1.5T']],
  ['vw', '迈腾', ['1.4T', '2.0T']],
  ['vw', '帕萨特', ['1.4T', '2.0T']],
  ['vw', '宝来', ['1.5L', '1.4T']],
  ['vw', '途观L', ['1.4T', '2.0T']],
  ['vw', '途岳', ['1.4T']],
  ['vw', '高尔夫', ['1.4T', 'GTI']],
  ['vw', '奥迪A4L', ['2.0T']],
  ['vw', '奥迪Q5L', ['2.0T']],
  ['other', '英朗', ['1.3T', '1.5L']],
  ['other', '君威', ['1.5T', '2.0T']],
  ['other', '君越', ['1.5T', '2.0T']],
  ['other', '昂科威', ['1.5T', '2.0T']],
  ['other', '科鲁泽', ['1.5L', '1.3T']],
  ['other', '福克斯', ['1.5L', '1.5T']],
  ['other', '蒙迪欧', ['1.5T', '2.0T']],
  ['other', '锐界', ['2.0T']],
  ['other', '哈弗H6', ['1.5T', '2.0T']],
  ['other', '长安CS75', ['1.5T']],
  ['other', '吉利博越', ['1.5T', '1.8T']],
  ['other', '比亚迪秦', ['DM-i']],
  ['other', '比亚迪宋', ['DM-i', 'EV']],
  ['other', '宝马3系', ['325Li', '330Li']],
  ['other', '奔驰C级', ['C200L', 'C260L']],
  ['other', '凯迪拉克XT5', ['2.0T']],
  ['other', '沃尔沃XC60', ['B5']],
  ['other', '领克03', ['1.5T', '2.0T']],
];

/** Parts: name, unit, original-part price range in yuan, Toyota part-number group, sides. */
type PartKind = readonly [name: string, unit: string, minYuan: number, maxYuan: number, toyotaGroup: string, sides: readonly string[]];
const PARTS: readonly PartKind[] = [
  ['前刹车片', '套', 380, 1200, '04465', []],
  ['后刹车片', '套', 320, 980, '04466', []],
  ['前刹车盘', '只', 420, 1500, '43512', []],
  ['后刹车盘', '只', 380, 1300, '42431', []],
  ['刹车片磨损传感器', '条', 60, 180, '89546', []],
  ['刹车分泵', '个', 450, 1200, '47750', ['左前', '右前']],
  ['机油滤清器', '个', 38, 120, '90915', []],
  ['空气滤清器', '个', 68, 260, '17801', []],
  ['空调滤清器', '个', 78, 280, '87139', []],
  ['汽油滤清器', '个', 120, 480, '23300', []],
  ['火花塞', '只', 65, 160, '90919', []],
  ['点火线圈', '个', 320, 880, '90919', []],
  ['正时皮带', '条', 450, 1200, '13568', []],
  ['正时链条套件', '套', 1800, 4800, '13506', []],
  ['发电机皮带', '条', 160, 420, '90916', []],
  ['皮带张紧轮', '个', 380, 980, '16620', []],
  ['水泵', '个', 680, 1800, '16100', []],
  ['节温器', '个', 260, 680, '90916', []],
  ['氧传感器', '个', 580, 1600, '89465', ['前', '后']],
  ['气门室盖垫', '条', 120, 380, '11213', []],
  ['曲轴前油封', '个', 80, 220, '90311', []],
  ['节气门体', '个', 1200, 2800, '22030', []],
  ['喷油嘴', '只', 420, 980, '23250', []],
  ['汽油泵总成', '个', 980, 2600, '23220', []],
  ['三元催化器', '个', 2600, 8800, '25051', []],
  ['前减震器', '只', 680, 2200, '48510', ['左', '右']],
  ['后减震器', '只', 580, 1800, '48530', ['左', '右']],
  ['减震器顶胶', '个', 120, 380, '48609', []],
  ['前下摆臂', '个', 580, 1600, '48068', ['左', '右']],
  ['稳定杆连杆', '条', 160, 420, '48820', ['左', '右']],
  ['转向横拉杆球头', '个', 180, 520, '45046', ['左', '右']],
  ['半轴防尘套', '套', 120, 320, '04428', []],
  ['前轮轴承', '个', 320, 880, '90369', []],
  ['离合器三件套', '套', 1200, 3200, '31250', []],
  ['发动机脚垫', '个', 480, 1200, '12361', []],
  ['蓄电池', '个', 580, 1800, '28800', []],
  ['发电机', '个', 1800, 4200, '27060', []],
  ['起动机', '个', 1200, 3200, '28100', []],
  ['空调压缩机', '个', 2200, 5800, '88310', []],
  ['冷凝器', '个', 980, 2600, '88460', []],
  ['散热器', '个', 880, 2400, '16400', []],
  ['鼓风机', '个', 480, 1200, '87103', []],
  ['前大灯总成', '个', 1800, 6800, '81150', ['左', '右']],
  ['尾灯总成', '个', 680, 2600, '81560', ['左', '右']],
  ['雾灯', '个', 220, 680, '81210', ['左', '右']],
  ['后视镜片', '个', 120, 420, '87931', ['左', '右']],
  ['后视镜总成', '个', 880, 2800, '87940', ['左', '右']],
  ['前保险杠皮', '个', 980, 2800, '52119', []],
  ['后保险杠皮', '个', 880, 2400, '52159', []],
  ['前翼子板', '个', 680, 1600, '53811', ['左', '右']],
  ['发动机盖', '个', 1200, 3600, '53301', []],
  ['中网格栅', '个', 580, 1800, '53111', []],
  ['前挡风玻璃', '块', 1600, 4200, '56101', []],
  ['前雨刮片', '套', 120, 320, '85222', []],
  ['车门玻璃升降器', '个', 380, 980, '69801', ['左前', '右前', '左后', '右后']],
  ['门锁电机', '个', 320, 880, '69040', ['左前', '右前']],
  ['外门把手', '个', 220, 580, '69211', ['左前', '右前']],
  ['倒车雷达探头', '个', 220, 520, '89341', []],
  ['胎压传感器', '个', 280, 580, '42607', []],
  ['遥控钥匙（含芯片）', '个', 980, 2200, '89904', []],
];

/** Grades: how the store names them, and the price against the original part. */
const GRADES: readonly (readonly [string, number])[] = [
  ['原厂', 1],
  ['品牌件', 0.7],
  ['副厂', 0.5],
];

/** Labour operations: name (without the model), price range in yuan. */
const LABOUR: readonly (readonly [string, number, number])[] = [
  ['更换机油机滤', 80, 180], ['更换空气滤芯', 50, 120], ['更换空调滤芯', 50, 120], ['更换汽油滤清器', 120, 280],
  ['常规保养A（小保养）', 150, 300], ['常规保养B（大保养）', 380, 680], ['更换火花塞', 180, 480], ['更换刹车油', 120, 260],
  ['更换防冻液', 150, 300], ['更换自动变速箱油', 280, 580], ['更换前刹车片', 150, 300], ['更换后刹车片', 180, 360],
  ['更换前刹车盘', 280, 480], ['更换后刹车盘', 300, 520], ['四轮定位', 200, 400], ['动平衡（四轮）', 100, 200],
  ['更换正时皮带', 800, 1600], ['更换正时链条', 1200, 2400], ['更换水泵', 450, 900], ['更换节温器', 260, 520],
  ['更换点火线圈', 80, 180], ['更换氧传感器', 180, 360], ['清洗节气门', 150, 300], ['清洗喷油嘴', 280, 520],
  ['清洗三元催化器', 300, 600], ['更换前减震器（单侧）', 350, 650], ['更换后减震器（单侧）', 300, 600], ['更换下摆臂（单侧）', 280, 520],
  ['更换蓄电池', 60, 150], ['更换空调压缩机', 900, 1800], ['空调加注冷媒', 200, 400], ['空调管路清洗消毒', 180, 360],
  ['更换发电机', 450, 900], ['更换起动机', 450, 900], ['更换离合器总成', 1200, 2400], ['更换前挡风玻璃', 300, 600],
  ['钣金 前保险杠', 300, 800], ['喷漆 前保险杠', 600, 1200], ['喷漆 后保险杠', 600, 1200], ['喷漆 前翼子板', 500, 1000],
  ['喷漆 发动机盖', 900, 1600], ['喷漆 车门（单扇）', 600, 1100], ['钣金 车门凹陷修复', 300, 800], ['大灯抛光翻新', 200, 400],
];

const pick = <T>(rng: Rng, list: readonly T[]): T => {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
const letter = (rng: Rng) => pick(rng, 'ABCDEFGHJKLMNPQRSTUVWXYZ'.split(''));

/** An OEM part number in the style of the model's maker, or null for the store's own code. */
function oemCode(rng: Rng, brand: Brand, part: PartKind): string | null {
  switch (brand) {
    case 'toyota':
      return `${part[4]}-${digits(rng, 5)}`;
    case 'honda':
      return `${digits(rng, 5)}-${letter(rng)}${letter(rng)}${digits(rng, 1)}-${letter(rng)}${digits(rng, 2)}`;
    case 'nissan':
      return `${digits(rng, 5)}-${digits(rng, 1)}${letter(rng)}${digits(rng, 3)}`;
    case 'vw':
      return `${digits(rng, 1)}${letter(rng)}${digits(rng, 1)}${digits(rng, 6)}${rng() < 0.5 ? letter(rng) : ''}`;
    default:
      return null;
  }
}

/** Whole yuan in the range, as 分. */
const priceFen = (rng: Rng, minYuan: number, maxYuan: number, factor = 1) =>
  Math.max(1, Math.round((minYuan + rng() * (maxYuan - minYuan)) * factor)) * 100;

/**
 * `count` distinct catalogue items, about four parts to one labour item, every one valid
 * against the app's catalogueItemSchema (checked here, so a bad generator fails loudly).
 */
export function realisticCatalogue(count: number, seed: number): CatalogueItem[] {
  const rng = seededRng(seed);
  const initialsOf = (name: string) => initialsWith(pinyin, name);
  const names = new Set<string>();
  const codes = new Set<string>();
  const items: CatalogueItem[] = [];
  let ownPart = 100_000;
  let ownLabour = 20_000;
  for (let tries = 0; items.length < count && tries < count * 20; tries++) {
    const [brand, model, variants] = pick(rng, MODELS);
    // Half the names carry the engine or trim, as a store lists parts per engine.
    const vehicle = rng() < 0.5 ? `${model} ${pick(rng, variants)}` : model;
    let item: CatalogueItem;
    if (rng() < 0.8) {
      const part = pick(rng, PARTS);
      const [grade, factor] = pick(rng, GRADES);
      const side = part[5].length > 0 ? `（${pick(rng, part[5])}）` : '';
      const name = `${vehicle} ${part[0]}${side}（${grade}）`;
      if (names.has(name)) continue;
      const oem = grade === '原厂' && rng() < 0.6 ? oemCode(rng, brand, part) : null;
      const code = oem && !codes.has(oem) ? oem : `P-${ownPart++}`;
      item = { code, kind: 'part', name, initials: initialsOf(name), unit: part[1], unitPriceFen: priceFen(rng, part[2], part[3], factor) };
    } else {
      const [operation, min, max] = pick(rng, LABOUR);
      const name = `${vehicle} ${operation}`;
      if (names.has(name)) continue;
      item = { code: `L-${ownLabour++}`, kind: 'labour', name, initials: initialsOf(name), unit: '工时', unitPriceFen: priceFen(rng, min, max) };
    }
    names.add(item.name);
    codes.add(item.code);
    items.push(catalogueItemSchema.parse(item));
  }
  if (items.length !== count) throw new Error(`the catalogue generator made only ${items.length} distinct items of ${count}`);
  return items;
}
