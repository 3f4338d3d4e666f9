import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRow } from '../../../core/db';
import { listPartners, ownPublicKey, type OwnPublicKey } from '../../../core/exchange';
import { CsvImportPanel } from '../exchange/CsvImportPanel';
import { ImportPackagePanel } from '../exchange/ImportPackagePanel';
import { IncomingRecords } from '../exchange/IncomingRecords';
import { OwnKeyPanel } from '../exchange/OwnKeyPanel';
import { PartnersPanel } from '../exchange/PartnersPanel';
import { VictimsPanel } from '../exchange/VictimsPanel';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import '../styles/exchange.css';

/**
 * Partner agencies and exchange packages belong to the vault; victim records and CSV imports to
 * the open case. So the view works without a case, and says where a case is needed.
 */
export function ExchangeView(): ReactNode {
  const { t } = useTranslation();
  const { vault, revision, currentCaseId } = useSession();
  const [ownKey, setOwnKey] = useState<OwnPublicKey | null>(null);
  const [partners, setPartners] = useState<PartnerRow[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // The exchange key pair is made here on first use (and audited), not at vault creation:
    // most vaults never exchange anything.
    Promise.all([ownPublicKey(vault), listPartners(vault)]).then(
      ([key, rows]) => {
        if (!live) return;
        setOwnKey(key);
        setPartners(rows);
      },
      (e: unknown) => live && setError(errorText(t, e)),
    );
    return () => {
      live = false;
    };
  }, [vault, revision, t]);

  const needCase = (
    <p className="notice">
      {t('exchange.victims.noCase')}{' '}
      <a className="button" href="#/cases" data-testid="go-to-cases">
        {t('exchange.victims.goToCases')}
      </a>
    </p>
  );

  return (
    <div className="exchange-view" data-testid="exchange-view">
      <header className="view-header">
        <h1>{t('exchange.title')}</h1>
      </header>
      <p className="muted exchange-intro">{t('exchange.intro')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <OwnKeyPanel ownKey={ownKey} />
      <PartnersPanel partners={partners} ownFingerprint={ownKey?.fingerprint ?? ''} />
      {currentCaseId === null ? (
        <section className="panel">
          <h2>{t('exchange.victims.heading')}</h2>
          {needCase}
        </section>
      ) : (
        <VictimsPanel key={`victims-${currentCaseId}`} caseId={currentCaseId} partners={partners} />
      )}
      <ImportPackagePanel />
      <IncomingRecords />
      {currentCaseId === null ? (
        <section className="panel">
          <h2>{t('exchange.csv.heading')}</h2>
          <p className="notice">{t('exchange.csv.noCase')}</p>
        </section>
      ) : (
        <CsvImportPanel key={`csv-${currentCaseId}`} caseId={currentCaseId} />
      )}
    </div>
  );
}
