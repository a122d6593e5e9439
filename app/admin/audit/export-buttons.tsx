'use client';
/**
 * Export CSV / Export JSON: every entry the current filters match, as a downloaded file (the
 * shared DownloadButton asks exportAuditFile for the text).
 */
import { DownloadButton } from '@/components/ui/download-button';
import { exportAuditFile } from './actions';
import type { AuditFilterValues } from './audit-query';

export { toolButtonClass } from '@/components/ui/download-button';

export function ExportButtons({ filters }: { filters: AuditFilterValues }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {(['csv', 'json'] as const).map((format) => (
        <DownloadButton key={format} action={exportAuditFile} fields={{ ...filters, format }}>
          Export {format.toUpperCase()}
        </DownloadButton>
      ))}
    </div>
  );
}
