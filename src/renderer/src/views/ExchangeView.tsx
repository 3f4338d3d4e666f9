import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerRow } from '../../../core/exchange';
import { listPartners, ownPublicKey, type OwnPublicKey } from '../../../core/exchange';
import { CsvImportPanel } from '../exchange/CsvImportPanel';
import { ImportPackagePanel } from '../exchange/ImportPackagePanel';
import { IncomingRecords } from '../exchange/IncomingRecords';
import { OwnKeyPanel } from '../exchange/OwnKeyPanel';
import { PartnersPanel } from '../exchange/PartnersPanel';
import { VictimsPanel } from '../exchange/VictimsPanel';
import { errorText } from '../vault/errorText';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';

const NO_PARTNERS: PartnerRow[] = [];
import '../styles/exchange.css';

/**
 * Partner agencies and exchange packages belong to the vault; victim records and CSV imports to
 * the open case. So the view works without a case, and says where a case is needed.
 */
export function ExchangeView(): ReactNode {
  const { t } = useTranslation();
  const { currentCaseId } = useSession();
  // The exchange key pair is made here on first use (and audited), not at vault creation:
  // most vaults never exchange anything.
  const read = useVaultRead(
    ['exchangeKeys', 'partners'],
    null,
    (v) => Promise.all([ownPublicKey(v), listPartners(v)]),
    [],
  );
  const ownKey: OwnPublicKey | null = read.status === 'ready' ? read.data[0] : null;
  const partners: PartnerRow[] = read.status === 'ready' ? read.data[1] : NO_PARTNERS;
  const error = read.status === 'error' ? errorText(t, read.error) : null;

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
