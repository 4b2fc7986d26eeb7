import { csvLine } from '../../report/csv.ts';
import { csvRow, INSPECTOR_CSV_HEADER } from '../csv-columns.ts';
import type { ReportFormat } from './report-format.ts';

/** Inspector's CSV findings report: its header, one row per finding, every cell neutralised. */
export const csvFormat: ReportFormat = {
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  begin: () => csvLine(INSPECTOR_CSV_HEADER),
  finding: (finding, _index, context) => csvLine(csvRow(finding, context)),
  end: () => '',
};
