import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncomingRecordRow, PartnerRow } from '../../../core/exchange';
import {
  createVictim,
  listIncoming,
  listVictims,
  shownName,
  type Victim,
} from '../../../core/exchange';
import type { CaseId, EntityId } from '../../../core/model';
import { Field } from '../shell/Field';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';
import { ExportPanel } from './ExportPanel';
import { shortDate } from './fileBytes';
import { VictimRecordForm } from './VictimRecordForm';

type Props = Readonly<{ caseId: CaseId; partners: readonly PartnerRow[] }>;

/** The open case's victims, each with its identification record, and export to a partner. */
export function VictimsPanel({ caseId, partners }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const read = useVaultRead(
    ['entities', 'victimRecords', 'incomingRecords'],
    caseId,
    (v) => Promise.all([listVictims(v, caseId), listIncoming(v)]),
    [],
  );
  const victims: Victim[] | null = read.status === 'ready' ? read.data[0] : null;
  const attached: IncomingRecordRow[] =
    read.status === 'ready'
      ? read.data[1].filter((r) => r.caseId === caseId && r.entityId !== undefined)
      : [];
  // #/exchange?victim=<id>, from the victim's entry in People and links, opens that form.
  const [open, setOpen] = useState<EntityId | null>(
    () =>
      (new URLSearchParams(window.location.hash.split('?')[1] ?? '').get(
        'victim',
      ) as EntityId | null) ?? null,
  );
  const [selected, setSelected] = useState<ReadonlySet<EntityId>>(new Set());
  const [name, setName] = useState('');
  const [writeError, setError] = useState<string | null>(null);
  const error = writeError ?? (read.status === 'error' ? errorText(t, read.error) : null);

  const add = async (): Promise<void> => {
    setError(null);
    try {
      const entity = await createVictim(vault, caseId, name);
      setName('');
      setOpen(entity.id);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const toggle = (id: EntityId, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <section
      className="panel exchange-wide"
      aria-labelledby="victims-heading"
      data-testid="victims-panel"
    >
      <h2 id="victims-heading">{t('exchange.victims.heading')}</h2>
      {victims !== null && victims.length === 0 && (
        <p className="muted">{t('exchange.victims.none')}</p>
      )}
      {victims !== null && victims.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th aria-hidden="true" />
              <th>{t('exchange.victims.name')}</th>
              <th>{t('exchange.victims.record')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {victims.map(({ entity, record }) => {
              const name = shownName(entity.names);
              const received = attached.filter((r) => r.entityId === entity.id);
              return (
                <tr
                  key={entity.id}
                  data-testid="victim-row"
                  aria-current={open === entity.id ? 'true' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('exchange.victims.select', { name })}
                      data-testid="victim-select"
                      disabled={!record}
                      checked={selected.has(entity.id)}
                      onChange={(e) => toggle(entity.id, e.currentTarget.checked)}
                    />
                  </td>
                  <td>
                    {name}
                    {received.length > 0 && (
                      <span className="badge" data-testid="victim-received">
                        {t('exchange.victims.received', { count: received.length })}
                      </span>
                    )}
                  </td>
                  <td>
                    {record ? t('exchange.victims.hasRecord') : t('exchange.victims.noRecord')}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      data-testid="victim-edit"
                      aria-expanded={open === entity.id}
                      onClick={() => setOpen(open === entity.id ? null : entity.id)}
                    >
                      {open === entity.id
                        ? t('exchange.victims.close')
                        : t('exchange.victims.edit')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {victims
        ?.filter((v) => v.entity.id === open)
        .map((v) => (
          <div key={v.entity.id}>
            <VictimRecordForm
              key={v.entity.id}
              entity={v.entity}
              {...(v.record ? { record: v.record } : {})}
              onSaved={() => undefined}
            />
            {attached.some((r) => r.entityId === v.entity.id) && (
              <div className="exchange-provenance" data-testid="victim-provenance">
                <h3>{t('exchange.record.fromPartners')}</h3>
                <ul>
                  {attached
                    .filter((r) => r.entityId === v.entity.id)
                    .map((r) => (
                      <li key={r.id}>
                        <strong>{shownName(r.record.names)}</strong>{' '}
                        {t('exchange.record.provenance', {
                          agency: r.partnerAgency,
                          date: shortDate(r.receivedAt),
                          packageId: r.packageId.slice(0, 8),
                        })}
                      </li>
                    ))}
                </ul>
              </div>
            )}
          </div>
        ))}
      <form
        className="form inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field
          label={t('exchange.victims.newName')}
          value={name}
          testId="victim-new-name"
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={name.trim() === ''} data-testid="victim-add">
          {t('exchange.victims.add')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ExportPanel partners={partners} selected={[...selected]} />
    </section>
  );
}
