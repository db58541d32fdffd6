// The audit feature's entry: what code outside src/audit/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export {
  AUDIT_LIMITS,
  DEFAULT_AUDIT_RETENTION_DAYS,
  MAX_AUDIT_RETENTION_DAYS,
  MIN_AUDIT_RETENTION_DAYS,
  capUrl,
  isAuditRetentionDays,
} from './audit-limits';
export { auditRetentionDays } from './audit-retention';
export { auditUrlWriter, keepsFullAuditUrls } from './keep-full-urls';
export { redactUrl } from './redact-url';
export { createAuditBadge } from './audit-badge';
export type { AuditBadge } from './audit-badge';
export { createClassifierSource } from './audit-classifier-source';
export type { ClassifierAtHand } from './audit-classifier-source';
export { createAuditClassifier } from './audit-classify';
export type { AuditClassifier } from './audit-classify';
export { auditExportFileName, auditLogCsv, auditLogJson } from './audit-export';
export { displayAudit, firstScreenOf } from './audit-display';
export type { AuditDisplay } from './audit-display';
export { AUDIT_FIRST_SCREEN, auditFirstScreen, firstScreenRequestSchema } from './audit-first-screen';
export type { FirstScreenRequest } from './audit-first-screen';
export { STATUS_LABEL, entryFindings, groupKey, summaryText } from './audit-groups';
export type { VendorGroup } from './audit-groups';
export { AUDIT_LOG_CHUNK_PREFIX, AUDIT_LOG_META_KEY, readDroppedRecords } from './audit-log-layout';
export { createAuditLogStore } from './audit-log-store';
export type { AuditLogStore, LoggedObservation } from './audit-log-store';
export { AUDIT_PAGE_QUERY, AUDIT_REPORT, auditReport, isAuditPageAnswer } from './audit-messages';
export type { AuditPageAnswer } from './audit-messages';
export {
  AUDIT_CLEAR_LOG,
  AUDIT_EXPORT_LOG,
  NEW_THIRD_PARTIES_TAKE,
  auditClearLog,
  auditExportLog,
  newThirdPartiesTake,
} from './audit-page-messages';
export type { AuditLogExport } from './audit-page-messages';
export { parseAuditReport } from './audit-report-parser';
export type { ParsedReport } from './audit-report-parser';
export { AUDIT_FORMAT_VERSION, BLOCKED_STATUSES, isTabAudit, tabAuditKey } from './audit-types';
export type {
  AuditEntry,
  AuditPage,
  AuditReport,
  AuditReportAck,
  AuditResourceType,
  AuditStatus,
  Observation,
  ObservedOutcome,
  TabAudit,
  VendorRef,
} from './audit-types';
export { explainRequest, strictModeForPage } from './explain-request';
export type { StrictModeState } from './explain-request';
export { createTabAuditLifecycle } from './tab-audit-lifecycle';
export { mergeTabAudit, urlPath } from './tab-audit-merge';
export type { ClassifiedObservation, TabAuditUpdate, VerdictCorrection } from './tab-audit-merge';
export { createTabAuditStore } from './tab-audit-store';
export type { TabAuditStore } from './tab-audit-store';
export { firstScreenKey, isFirstScreenOf, storedFirstScreenOf } from './stored-first-screen';
export { createThirdPartyHistoryStore } from './third-party-history-store';
export type { ThirdPartyHistoryStore } from './third-party-history-store';
