import type { ReactNode } from 'react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { importFtm, type FtmImport } from '../../../core/ftm';
import type { CaseId } from '../../../core/model';
import { Dialog } from '../shell/Dialog';
import { useSession } from '../vault/session';
import { schemaCounts, writeFtmImport, type SchemaCount } from '../../../core/ftm';

export type PickedFtm = Readonly<{ name: string; data: Uint8Array }>;

type Props = Readonly<{
  caseId: CaseId;
  file: PickedFtm;
  onClose: () => void;
  onImported: (entities: number, links: number) => void;
}>;

type Preview =
  | Readonly<{ ok: true; imported: FtmImport; counts: SchemaCount[] }>
  | Readonly<{ ok: false; message: string }>;

/** "1 entity", "2 links": the counts of an import as words, singular or plural. */
export function counted(
  t: TFunction,
  entities: number,
  links: number,
): { entities: string; links: string } {
  return {
    entities: t('network.ftm.entities', { count: entities }),
    links: t('network.ftm.links', { count: links }),
  };
}

function preview(file: PickedFtm, caseId: CaseId): Preview {
  let text: string;
  try {
    // fatal: a file that is not UTF-8 is refused by name, not imported with mangled names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data);
  } catch {
    return { ok: false, message: 'notUtf8' };
  }
  const imported = importFtm(text, { caseId });
  return { ok: true, imported, counts: schemaCounts(text) };
}

/** Preview, report and confirmation of a FollowTheMoney import into the open case. */
export function FtmImportDialog({ caseId, file, onClose, onImported }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [result] = useState(() => preview(file, caseId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (imported: FtmImport): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await writeFtmImport(vault, caseId, file.name, imported);
      onImported(imported.entities.length, imported.links.length);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  if (!result.ok)
    return (
      <Dialog title={t('network.ftm.title')} onClose={onClose} testId="ftm-dialog">
        <p className="form-error" role="alert" data-testid="ftm-error">
          {t('network.ftm.notUtf8', { name: file.name })}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );

  const { imported, counts } = result;
  const { report } = imported;
  const nothing = imported.entities.length === 0 && imported.links.length === 0;
  return (
    <Dialog title={t('network.ftm.title')} onClose={onClose} testId="ftm-dialog">
      <div className="network-ftm">
        <p data-testid="ftm-summary">
          {t('network.ftm.summary', {
            name: file.name,
            lines: t('network.ftm.lines', { count: report.lines }),
            ...counted(t, imported.entities.length, imported.links.length),
          })}
        </p>
        <h3>{t('network.ftm.schemas')}</h3>
        <table className="table" data-testid="ftm-schemas">
          <thead>
            <tr>
              <th>{t('network.ftm.schema')}</th>
              <th>{t('network.ftm.count')}</th>
              <th>{t('network.ftm.mapsTo')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.schema} data-testid="ftm-schema-row">
                <td className="mono">{c.schema}</td>
                <td>{c.count}</td>
                <td>
                  {c.mapsTo === null ? (
                    <span className="muted">{t('network.ftm.notImported')}</span>
                  ) : 'entity' in c.mapsTo ? (
                    t('network.ftm.asEntity', { kind: t(`model.kind.${c.mapsTo.entity}`) })
                  ) : (
                    t('network.ftm.asLink', { type: t(`model.linkType.${c.mapsTo.link}`) })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ReportList
          title={t('network.ftm.malformed', { count: report.malformed.length })}
          testId="ftm-malformed"
          items={report.malformed.map((m) =>
            t('network.ftm.lineMessage', { line: String(m.line), message: m.message }),
          )}
        />
        <ReportList
          title={t('network.ftm.unmapped', { count: report.unmapped.length })}
          testId="ftm-unmapped"
          items={report.unmapped.map((u) =>
            t('network.ftm.unmappedItem', { line: String(u.line), id: u.id, schema: u.schema }),
          )}
        />
        <ReportList
          title={t('network.ftm.unresolved', { count: report.unresolved.length })}
          testId="ftm-unresolved"
          items={report.unresolved.map((u) =>
            t('network.ftm.unresolvedItem', {
              line: String(u.line),
              id: u.id,
              schema: u.schema,
              problems: u.problems.join('; '),
            }),
          )}
        />
        <ReportList
          title={t('network.ftm.warnings', { count: report.warnings.length })}
          testId="ftm-warnings"
          items={report.warnings.map((w) =>
            t('network.ftm.lineMessage', {
              line: String(w.line),
              message: `${w.id}: ${w.message}`,
            }),
          )}
        />
        <p className="muted small">{t('network.ftm.grading')}</p>
        {error !== null && (
          <p className="form-error" role="alert" data-testid="ftm-write-error">
            {t('common.error', { message: error })}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy} data-testid="ftm-cancel">
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || nothing}
          onClick={() => void run(imported)}
          data-testid="ftm-confirm"
        >
          {busy
            ? t('network.ftm.importing')
            : t('network.ftm.confirm', counted(t, imported.entities.length, imported.links.length))}
        </button>
      </div>
    </Dialog>
  );
}

function ReportList({
  title,
  items,
  testId,
}: Readonly<{ title: string; items: readonly string[]; testId: string }>): ReactNode {
  if (items.length === 0) return null;
  return (
    <details open className="network-report" data-testid={testId}>
      <summary>{title}</summary>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}
