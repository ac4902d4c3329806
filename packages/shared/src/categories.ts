/**
 * The 18 high-frequency categories of the 12345 hotline that Minhu's chatbot covers.
 * Ids are fixed by shared/domain/12345.md and used everywhere: API, data, tests.
 */
import { z } from 'zod';

export const CATEGORIES = [
  { id: 'business-registration', name: '工商登记', nameEn: 'Business registration', scope: '企业和个体工商户设立、变更、注销、年报' },
  { id: 'medical-insurance', name: '异地就医与医保', nameEn: 'Out-of-town medical care and medical insurance', scope: '异地就医备案、跨省直接结算、医保报销' },
  { id: 'citizen-card', name: '市民卡与社保卡', nameEn: 'Citizen card and social security card', scope: '申领、激活、补换、密码、电子社保卡、乘车' },
  { id: 'housing-fund', name: '公积金', nameEn: 'Housing provident fund', scope: '贷款、提取、转移、封存' },
  { id: 'utilities-outage', name: '停水停电停气', nameEn: 'Water, power and gas outages', scope: '计划和突发停水、停电、停气，恢复供应' },
  { id: 'flood', name: '防汛与内涝', nameEn: 'Floods and waterlogging', scope: '预警、沙袋、积水内涝、水浸损失' },
  { id: 'natural-disaster', name: '自然灾害', nameEn: 'Natural disasters', scope: '台风、地震、山体滑坡、冰雹、旱灾救助、避难场所' },
  { id: 'wage-arrears', name: '拖欠工资', nameEn: 'Unpaid wages', scope: '欠薪、劳动监察、劳动仲裁' },
  { id: 'social-insurance', name: '社保转移与退休', nameEn: 'Social insurance transfer and retirement', scope: '社保转移、退休办理、养老金、失业金' },
  { id: 'real-estate', name: '不动产登记', nameEn: 'Real estate registration', scope: '过户、不动产权证、抵押、继承' },
  { id: 'household-id', name: '户籍与身份证', nameEn: 'Household registration and ID card', scope: '户口迁移、居住证、身份证' },
  { id: 'school-enrollment', name: '教育入学', nameEn: 'School enrollment', scope: '幼儿园到初中入学、转学' },
  { id: 'newborn', name: '新生儿出生一件事', nameEn: 'Newborn registration', scope: '出生医学证明、落户、医保、生育津贴' },
  { id: 'heating', name: '供暖', nameEn: 'Heating', scope: '供暖季、供暖费、暖气不热' },
  { id: 'noise', name: '噪声扰民', nameEn: 'Noise nuisance', scope: '施工、商铺、邻居、广场舞噪声' },
  { id: 'elderly-care', name: '养老与适老化', nameEn: 'Elderly care and age-friendly services', scope: '高龄津贴、适老化改造、社区养老' },
  { id: 'consumer-rights', name: '消费维权', nameEn: 'Consumer rights', scope: '假货、预付卡、退款（12315 并线）' },
  { id: 'traffic-parking', name: '交通与停车', nameEn: 'Traffic and parking', scope: '违停、红绿灯、公交、驾驶证行驶证' },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryId = Category['id'];

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

/** A category id: one of the 18 fixed ids. */
export const CategoryIdSchema = z.enum(CATEGORY_IDS);

const byId = new Map<string, Category>(CATEGORIES.map((c) => [c.id, c]));

export function findCategory(id: string): Category | undefined {
  return byId.get(id);
}

export function isCategoryId(id: string): id is CategoryId {
  return byId.has(id);
}
