/**
 * Lead exports. CSV is UTF-8 with a byte-order mark, which is what makes Excel on Windows read
 * Chinese correctly; cells that a spreadsheet would run as a formula (= + - @) are prefixed with a
 * quote (CSV injection). XLSX goes through exceljs.
 */
import ExcelJS from 'exceljs';
import type { LeadRow } from '../db/repositories/leads';
import { leadView } from './leadViews';

const COLUMNS = [
  { key: 'name', header: '姓名 Name' },
  { key: 'company', header: '公司 Company' },
  { key: 'title', header: '职位 Title' },
  { key: 'email', header: '邮箱 Email' },
  { key: 'phone', header: '电话 Phone' },
  { key: 'wechat', header: '微信 WeChat' },
  { key: 'rating', header: '评级 Rating' },
  { key: 'tags', header: '标签 Tags' },
  { key: 'notes', header: '备注 Notes' },
  { key: 'createdAt', header: '时间 Received (UTC)' },
] as const;

function cells(l: LeadRow): string[] {
  const v = leadView(l);
  return [
    v.name,
    v.company ?? '',
    v.title ?? '',
    v.email ?? '',
    v.phone ?? '',
    v.wechat ?? '',
    v.rating ?? '',
    v.tags.join(', '),
    v.notes,
    new Date(v.createdAt).toISOString(),
  ];
}

/** A cell safe for spreadsheets: a leading formula character is neutralised. */
export function safeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(s: string): string {
  const v = safeCell(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function leadsCsv(rows: LeadRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(cells(r).map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function leadsXlsx(rows: LeadRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leads');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'notes' ? 40 : 20 }));
  for (const r of rows) ws.addRow(cells(r).map(safeCell));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
