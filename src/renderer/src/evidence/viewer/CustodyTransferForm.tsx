import type { FormEvent, ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handoverStatement, reasonHash } from '../../../../core/bundle';
import type { EvidenceRow } from '../../../../core/db';
import { CustodyTransferError, recordCustodyTransfer } from '../../../../core/evidence';
import { Field } from '../../shell/Field';
import { useSession } from '../../vault/session';

type Props = Readonly<{ item: EvidenceRow; onRecorded: () => void }>;

/** The local time of `date` as a datetime-local input writes it. */
function localInputValue(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Records that the exhibit passed from the signed-in officer to another: to whom, when and
 * why. When the receiving officer also uses Ringtrace, they sign the statement shown here with
 * their vault's key and give back their public key and the signature; both are checked before
 * the hand-over is written, and again by every verifier of a bundle that lists it.
 */
export function CustodyTransferForm({ item, onRecorded }: Props): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [badge, setBadge] = useState('');
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [reason, setReason] = useState('');
  const [keyHex, setKeyHex] = useState('');
  const [signatureHex, setSignatureHex] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const at = useMemo(() => {
    const date = new Date(when);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }, [when]);
  const statement = useMemo(
    () =>
      at === null
        ? ''
        : new TextDecoder().decode(
            handoverStatement({
              evidenceId: item.id,
              exhibitSha256: item.sha256,
              at,
              from: vault.actor,
              to: { name: name.trim(), agency: agency.trim(), badge: badge.trim() },
              reasonSha256: reasonHash(reason.trim()),
            }),
          ),
    [at, item, vault.actor, name, agency, badge, reason],
  );

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (at === null) {
      setError(t('bundle.handover.badTime'));
      return;
    }
    setBusy(true);
    setError(null);
    recordCustodyTransfer(vault, {
      evidenceId: item.id,
      to: { name, agency, badge },
      at,
      reason,
      ...(keyHex.trim() !== '' ? { receiverPublicKeyHex: keyHex } : {}),
      ...(signatureHex.trim() !== '' ? { receiverSignatureHex: signatureHex } : {}),
    }).then(
      () => {
        setBusy(false);
        setOpen(false);
        setReason('');
        setKeyHex('');
        setSignatureHex('');
        onRecorded();
      },
      (e: unknown) => {
        setBusy(false);
        setError(
          e instanceof CustodyTransferError
            ? t(`bundle.handover.errors.${e.code}`, {
                field: e.params['field'] ?? '',
                problem: e.params['problem'] ?? '',
              })
            : e instanceof Error
              ? e.message
              : String(e),
        );
      },
    );
  };

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="custody-transfer-open">
        {t('bundle.handover.open')}
      </button>
    );
  return (
    <form className="custody-transfer" onSubmit={submit} data-testid="custody-transfer-form">
      <h3>{t('bundle.handover.title', { exhibit: item.exhibitRef })}</h3>
      <p className="hint">{t('bundle.handover.from', { name: vault.actor.name })}</p>
      <div className="form-grid">
        <Field
          label={t('bundle.handover.toName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          testId="custody-transfer-name"
          required
        />
        <Field
          label={t('bundle.handover.toAgency')}
          value={agency}
          onChange={(e) => setAgency(e.target.value)}
          testId="custody-transfer-agency"
          required
        />
        <Field
          label={t('bundle.handover.toBadge')}
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          testId="custody-transfer-badge"
          required
        />
        <Field
          label={t('bundle.handover.when')}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          testId="custody-transfer-when"
          required
        />
      </div>
      <Field
        label={t('bundle.handover.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        testId="custody-transfer-reason"
        required
      />
      <details>
        <summary>{t('bundle.handover.signTitle')}</summary>
        <p className="hint">{t('bundle.handover.signIntro')}</p>
        <pre
          className="mono small break"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          data-testid="custody-transfer-statement"
        >
          {statement}
        </pre>
        <Field
          label={t('bundle.handover.receiverKey')}
          value={keyHex}
          onChange={(e) => setKeyHex(e.target.value)}
          className="mono"
          testId="custody-transfer-key"
        />
        <Field
          label={t('bundle.handover.receiverSignature')}
          value={signatureHex}
          onChange={(e) => setSignatureHex(e.target.value)}
          className="mono"
          testId="custody-transfer-signature"
        />
      </details>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="custody-transfer-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="primary"
          disabled={busy}
          data-testid="custody-transfer-save"
        >
          {t('bundle.handover.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('bundle.handover.cancel')}
        </button>
      </div>
    </form>
  );
}
