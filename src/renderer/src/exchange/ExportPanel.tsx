import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerId, PartnerRow } from '../../../core/exchange';
import { exportFullPackage, exportMatchPackage } from '../../../core/exchange';
import type { EntityId } from '../../../core/model';
import { platform } from '../platform';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';

type Props = Readonly<{ partners: readonly PartnerRow[]; selected: readonly EntityId[] }>;

/** Sends the selected victims' records to one partner: full and encrypted, or match-only. */
export function ExportPanel({ partners, selected }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const id = useId();
  const [partnerId, setPartnerId] = useState<PartnerId | ''>('');
  const [mode, setMode] = useState<'full' | 'match'>('full');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = partners.find((p) => p.id === partnerId) ?? partners[0];

  const run = async (): Promise<void> => {
    if (!chosen) return;
    setBusy(true);
    setMessage(null);
    try {
      const pkg =
        mode === 'full'
          ? await exportFullPackage(vault, chosen.id, selected)
          : await exportMatchPackage(vault, chosen.id, selected);
      await platform.saveFile({ suggestedName: pkg.fileName, data: pkg.bytes });
      setMessage({
        ok: true,
        text: t('exchange.export.done', {
          file: pkg.fileName,
          count: selected.length,
          agency: chosen.agency,
        }),
      });
    } catch (e) {
      setMessage({ ok: false, text: errorText(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form exchange-export" data-testid="export-panel">
      <h3>{t('exchange.export.heading')}</h3>
      {partners.length === 0 ? (
        <p className="muted">{t('exchange.export.noPartner')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-partner`}>{t('exchange.export.partner')}</label>
            <select
              id={`${id}-partner`}
              data-testid="export-partner"
              value={chosen?.id ?? ''}
              onChange={(e) => setPartnerId(e.currentTarget.value as PartnerId)}
            >
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.agency}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('exchange.export.mode')}</legend>
            {(['full', 'match'] as const).map((m) => (
              <label className="inline" key={m}>
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={m}
                  data-testid={`export-mode-${m}`}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                {t(`exchange.export.${m}`)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="export-package"
              disabled={busy || selected.length === 0}
              onClick={() => void run()}
            >
              {t('exchange.export.button')}
            </button>
            <span className="muted small">
              {selected.length === 0
                ? t('exchange.export.selectSome')
                : t('exchange.export.selected', { count: selected.length })}
            </span>
          </div>
        </>
      )}
      {message && (
        <p
          className={message.ok ? 'ok-banner' : 'form-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid={message.ok ? 'export-done' : 'export-error'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
