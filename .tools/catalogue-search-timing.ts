// A quick measurement of catalogue search, not a test: builds the index over 20,000 generated
// items with realistic names (vehicle model + a sample catalogue name + a variant) and times
// 200 searches of 1–4 characters, as typed keystroke by keystroke: Chinese, pinyin initials,
// codes. `npx tsx .tools/catalogue-search-timing.ts`. The target is ≤ 30 ms median.
import { performance } from 'node:perf_hooks';
import { pinyin } from 'pinyin-pro';
import { initialsWith } from '../src/db/catalogue-initials.ts';
import type { CatalogueItem } from '../src/shared/catalogue.ts';
import { SAMPLE_CATALOGUE } from '../src/shared/catalogue-sample.ts';
import { createCatalogueIndex } from '../src/shared/catalogue-search.ts';

const ITEMS = 20_000;
const SEARCHES = 200;

// Deterministic: the same catalogue and queries on every run (mulberry32).
let seed = 20261127;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const MODELS = ['凯美瑞', '卡罗拉', '雷凌', '汉兰达', 'RAV4荣放', '朗逸', '速腾', '迈腾', '帕萨特', '途观L', '轩逸', '天籁', '奇骏', '雅阁', '思域', 'CR-V', '昂科威', '君越', '英朗', '宝来', '哈弗H6', '长安CS75', '吉利博越', '比亚迪宋', '奥迪A4L', '宝马3系', '奔驰C级', '凯迪拉克XT5', '沃尔沃XC60', '领克03'];
const VARIANTS = ['', '', '（原厂）', '（副厂）', '（高配）', '（左）', '（右）', ' 2.0T', ' 1.5L', '（国六）'];

const initialsOf = (name: string) => initialsWith(pinyin, name);
const items: CatalogueItem[] = [];
for (let i = 0; i < ITEMS; i++) {
  const base = pick(SAMPLE_CATALOGUE);
  const name = `${pick(MODELS)} ${base.name}${pick(VARIANTS)}`.slice(0, 120);
  const code = `${base.kind === 'labour' ? 'L' : 'P'}-${String(100000 + i)}`;
  items.push({ ...base, code, name, initials: initialsOf(name) });
}

const buildStart = performance.now();
const index = createCatalogueIndex(items);
const buildMs = performance.now() - buildStart;

// Each query is what the box holds after 1 to 4 keystrokes of something the advisor types.
const queries: string[] = [];
while (queries.length < SEARCHES) {
  const target = pick(items);
  const han = target.name.replace(/[^\u4e00-\u9fff]/g, '');
  const typed = pick([han.slice(Math.floor(random() * Math.max(1, han.length - 4))), target.initials, target.code, target.initials.slice(2)]);
  const length = 1 + Math.floor(random() * 4);
  if (typed.length >= length) queries.push(typed.slice(0, length));
}

for (let i = 0; i < 20; i++) index.search(queries[i % queries.length] as string); // warm the JIT
const times: number[] = [];
let hits = 0;
for (const query of queries) {
  const start = performance.now();
  hits += index.search(query).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] as number;
const ms = (value: number) => `${value.toFixed(2)} ms`;
console.log(`items ${ITEMS}, searches ${SEARCHES}, mean results ${(hits / SEARCHES).toFixed(1)}`);
console.log(`index build ${ms(buildMs)}`);
console.log(`search median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(at(1))}`);
console.log(`examples: ${queries.slice(0, 12).join(' | ')}`);
