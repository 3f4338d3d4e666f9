import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importPackage, type ImportResult } from '../../../core/exchange';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { chosenFileBytes } from './fileBytes';

/**
 * Imports a package. The core checks the signature against the confirmed partner key before
 * anything else, so a refusal here has stored nothing.
 */
export function ImportPackagePanel(): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const id = useId();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const choose = async (input: HTMLInputElement): Promise<void> => {
    setError(null);
    setResult(null);
    const picked = await chosenFileBytes(input);
    if (!picked) return;
    setBusy(true);
    try {
      setResult(await importPackage(vault, picked.data));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  };

  return (
    <section
      className="panel"
      aria-labelledby="import-package-heading"
      data-testid="import-package-panel"
    >
      <h2 id="import-package-heading">{t('exchange.import.heading')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('exchange.import.file')}</label>
        <input
          key={inputKey}
          id={id}
          type="file"
          accept=".rtx,application/json"
          disabled={busy}
          data-testid="package-file"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </div>
      {busy && <p className="muted">{t('exchange.working')}</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {result?.mode === 'full' && (
        <p className="ok-banner" role="status" data-testid="import-result">
          {t('exchange.import.fullResult', {
            count: result.incoming.length,
            agency: result.partner.agency,
          })}
        </p>
      )}
      {result?.mode === 'match' && (
        <div role="status" data-testid="import-result">
          <p className="ok-banner">
            {t('exchange.import.matchResult', {
              agency: result.partner.agency,
              theirs: String(result.theirCount),
              count: result.hits.length,
            })}
          </p>
          {result.hits.length === 0 ? (
            <p className="muted">{t('exchange.import.matchNone')}</p>
          ) : (
            <ul>
              {result.hits.map((h) => (
                <li key={h.person.entityId} data-testid="match-hit">
                  {t('exchange.import.hit', {
                    name: h.person.name,
                    documents: String(h.documents),
                    names: String(h.names),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
