import type { AgencyConfig } from './schema';

/**
 * The 33 second-level bodies of the Executive Yuan whose Participation Officers form the network,
 * as organised on 2025-09-09 (運動部 formed): the 15 ministries and 9 councils of 行政院組織法
 * arts. 3–4, 工程會, the two directorates-general, the central bank, the palace museum, and the
 * independent commissions (中選會, 公平會, 通傳會, 核安會). Third-level bodies such as 運安會 are not
 * listed; a deployment adds what it needs under `agencies` in bot.config.json. `name` is the short form people write in chat (#交通部); `nameEn` is the official
 * English name, shown when the bot speaks English and accepted everywhere (/iam Ministry of
 * Environment); aliases accept the full title and the English abbreviation.
 */
export const DEFAULT_AGENCIES: AgencyConfig[] = [
  { code: 'MOI', name: '內政部', nameEn: 'Ministry of the Interior', aliases: ['MOI'] },
  { code: 'MOFA', name: '外交部', nameEn: 'Ministry of Foreign Affairs', aliases: ['MOFA'] },
  { code: 'MND', name: '國防部', nameEn: 'Ministry of National Defense', aliases: ['MND'] },
  { code: 'MOF', name: '財政部', nameEn: 'Ministry of Finance', aliases: ['MOF'] },
  { code: 'MOE', name: '教育部', nameEn: 'Ministry of Education', aliases: ['MOE'] },
  { code: 'MOJ', name: '法務部', nameEn: 'Ministry of Justice', aliases: ['MOJ'] },
  { code: 'MOEA', name: '經濟部', nameEn: 'Ministry of Economic Affairs', aliases: ['MOEA'] },
  { code: 'MOTC', name: '交通部', nameEn: 'Ministry of Transportation and Communications', aliases: ['MOTC'] },
  { code: 'MOL', name: '勞動部', nameEn: 'Ministry of Labor', aliases: ['MOL'] },
  { code: 'MOA', name: '農業部', nameEn: 'Ministry of Agriculture', aliases: ['MOA', '農委會'] },
  { code: 'MOHW', name: '衛福部', nameEn: 'Ministry of Health and Welfare', aliases: ['衛生福利部', 'MOHW'] },
  { code: 'MOENV', name: '環境部', nameEn: 'Ministry of Environment', aliases: ['MOENV', '環保署'] },
  { code: 'MOC', name: '文化部', nameEn: 'Ministry of Culture', aliases: ['MOC'] },
  { code: 'MODA', name: '數位部', nameEn: 'Ministry of Digital Affairs', aliases: ['數位發展部', 'MODA'] },
  // Formed 2025-09-09 from the Ministry of Education's Sports Administration (體育署).
  { code: 'MOS', name: '運動部', nameEn: 'Ministry of Sports', aliases: ['MOS'] },
  { code: 'NDC', name: '國發會', nameEn: 'National Development Council', aliases: ['國家發展委員會', 'NDC'] },
  { code: 'NSTC', name: '國科會', nameEn: 'National Science and Technology Council', aliases: ['國家科學及技術委員會', 'NSTC'] },
  { code: 'MAC', name: '陸委會', nameEn: 'Mainland Affairs Council', aliases: ['大陸委員會', 'MAC'] },
  { code: 'FSC', name: '金管會', nameEn: 'Financial Supervisory Commission', aliases: ['金融監督管理委員會', 'FSC'] },
  { code: 'OAC', name: '海委會', nameEn: 'Ocean Affairs Council', aliases: ['海洋委員會', 'OAC'] },
  { code: 'OCAC', name: '僑委會', nameEn: 'Overseas Community Affairs Council', aliases: ['僑務委員會', 'OCAC'] },
  { code: 'VAC', name: '退輔會', nameEn: 'Veterans Affairs Council', aliases: ['國軍退除役官兵輔導委員會', 'VAC'] },
  { code: 'CIP', name: '原民會', nameEn: 'Council of Indigenous Peoples', aliases: ['原住民族委員會', 'CIP'] },
  { code: 'HAC', name: '客委會', nameEn: 'Hakka Affairs Council', aliases: ['客家委員會', 'HAC'] },
  { code: 'PCC', name: '工程會', nameEn: 'Public Construction Commission', aliases: ['公共工程委員會', '行政院公共工程委員會', 'PCC'] },
  { code: 'DGBAS', name: '主計總處', nameEn: 'Directorate-General of Budget, Accounting and Statistics', aliases: ['行政院主計總處', 'DGBAS'] },
  { code: 'DGPA', name: '人事總處', nameEn: 'Directorate-General of Personnel Administration', aliases: ['行政院人事行政總處', 'DGPA'] },
  { code: 'CBC', name: '央行', nameEn: 'Central Bank', aliases: ['中央銀行', 'CBC'] },
  { code: 'NPM', name: '故宮', nameEn: 'National Palace Museum', aliases: ['國立故宮博物院', 'NPM'] },
  { code: 'CEC', name: '中選會', nameEn: 'Central Election Commission', aliases: ['中央選舉委員會', 'CEC'] },
  { code: 'FTC', name: '公平會', nameEn: 'Fair Trade Commission', aliases: ['公平交易委員會', 'FTC'] },
  { code: 'NCC', name: '通傳會', nameEn: 'National Communications Commission', aliases: ['國家通訊傳播委員會', 'NCC'] },
  { code: 'NUSC', name: '核安會', nameEn: 'Nuclear Safety Commission', aliases: ['核能安全委員會', '原能會', 'NUSC'] },
];
