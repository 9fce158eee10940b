// The store console's reports (issue 14): GET /api/v1/console/reports/<name>?from&to&advisor&by
// for any signed-in role of the store, each answering its figures as JSON (the page draws the
// charts and tables and makes the CSV and XLSX from them). The store is always the session's.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { REPORT_NAMES, REPORT_SCHEMAS, reportQuerySchema, type ReportName } from '../../shared/console/report-api.ts';
import { apiErrorSchema } from '../../shared/protocol.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { requireConsoleUser } from '../console/console-session.ts';
import { runReport } from '../reports/run-report.ts';
import type { Storage } from '../storage/storage.ts';

export const REPORTS_API = '/api/v1/console/reports';

const SUMMARIES: Record<ReportName, string> = {
  'check-ins': '进厂台次: cars checked in per day, ISO week or month of the period, per advisor and per service type.',
  'check-in-time': 'Minutes from card created to checked in (median, p90, histogram) and photos per card, for the cars checked in in the period.',
  additions: '追加项目: additional lines offered against approved, in lines and 分, for the cars checked in in the period.',
  'estimate-vs-bill': 'The estimate against the bill at handover (分), for the cars delivered in the period.',
  overdue: 'Cars checked in, not ready and past their promised time now (the period is not used).',
  'follow-ups': '72 小时回访 of the cars delivered in the period: outcomes, where each stands now, and the calls to make.',
  'damage-map': 'Where on the vehicle diagram damage was marked, per view, as counts in a grid, for the cars checked in in the period.',
};

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 503: apiErrorSchema };

export function consoleReportsRoutes(app: FastifyInstance, storage: Storage, _blobs: BlobStore): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const name of REPORT_NAMES) {
    api.get(`${REPORTS_API}/${name}`, {
      schema: {
        summary: SUMMARIES[name],
        tags: ['console'],
        security: [{ consoleSession: [] }],
        querystring: reportQuerySchema,
        response: { 200: REPORT_SCHEMAS[name], ...errors },
      },
      handler: async (request) => {
        const user = await requireConsoleUser(storage, request, 'any');
        return runReport(name, storage, user.storeId, request.query, new Date());
      },
    });
  }
}
