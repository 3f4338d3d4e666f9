import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  escapeUntrusted,
  formatVerifyResult,
  verifyBundle,
  type VerifyResult,
} from '../../../core/bundle';
import { platform } from '../platform';
import { Field } from '../shell/Field';
import { useSession } from '../vault/session';
import { errorText } from '../vault/errorText';

type State =
  | Readonly<{ kind: 'idle' }>
  | Readonly<{ kind: 'busy'; name: string }>
  | Readonly<{ kind: 'done'; name: string; result: VerifyResult; ownKey: boolean }>
  | Readonly<{ kind: 'failed'; name: string; message: string }>;

/**
 * Checks a bundle with the same verifier the court runs (src/core/bundle verify), on a file
 * the user picks. The bundle is read into memory only: nothing of it is written to the vault
 * or the profile, so verifying a bundle from another agency leaves no trace of its contents.
 */
export function VerifyPanel(): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [expected, setExpected] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });

  const choose = (): void => {
    void platform
      .openFiles({ title: t('bundle.pickerTitle'), extensions: ['zip'], multiple: false })
      .then(async (files) => {
        const file = files[0];
        if (file === undefined) return;
        setState({ kind: 'busy', name: file.name });
        try {
          const fingerprint = expected.trim();
          let result = await verifyBundle(
            file.data,
            fingerprint === '' ? {} : { expectedFingerprint: fingerprint },
          );
          // A key the user already trusts needs no typing: this vault's own signing key.
          const own = vault.signing.fingerprint;
          const ownKey =
            fingerprint === '' &&
            result.status === 'unconfirmed' &&
            result.signerFingerprint === own;
          if (ownKey) result = await verifyBundle(file.data, { expectedFingerprint: own });
          setState({ kind: 'done', name: file.name, result, ownKey });
        } catch (e) {
          setState({
            kind: 'failed',
            name: file.name,
            message: errorText(t, e),
          });
        }
      });
  };

  return (
    <section className="panel wide" data-testid="bundle-verify">
      <h2>{t('bundle.verifyTitle')}</h2>
      <p className="muted small">{t('bundle.verifyIntro')}</p>
      <Field
        label={t('bundle.expectedKey')}
        hint={t('bundle.expectedKeyHint')}
        value={expected}
        onChange={(e) => setExpected(e.target.value)}
        className="mono"
        testId="verify-expected-key"
      />
      <div className="bundle-go">
        <button
          type="button"
          className="primary"
          onClick={choose}
          disabled={state.kind === 'busy'}
          data-testid="verify-choose"
        >
          {t('bundle.chooseBundle')}
        </button>
        {state.kind === 'busy' && (
          <span role="status">{t('bundle.verifying', { name: state.name })}</span>
        )}
      </div>
      {state.kind === 'failed' && (
        <div className="form-error" role="alert" data-testid="verify-verdict">
          {t('bundle.verifyFailed', { name: state.name, message: state.message })}
        </div>
      )}
      {state.kind === 'done' && (
        <VerifyReport name={state.name} result={state.result} ownKey={state.ownKey} />
      )}
    </section>
  );
}

/**
 * Every string that comes from the bundle (file names, messages quoting them, the case title)
 * is shown escaped: a crafted name with control or bidi characters cannot fake a verdict.
 */
function VerifyReport({
  name: rawName,
  result,
  ownKey,
}: Readonly<{ name: string; result: VerifyResult; ownKey: boolean }>): ReactNode {
  const { t } = useTranslation();
  const name = escapeUntrusted(rawName);
  return (
    <div className="bundle-verify-result" data-testid="verify-result">
      {result.status === 'verified' && (
        <div
          className="ok-banner"
          role="status"
          data-testid="verify-verdict"
          data-ok="true"
          data-status="verified"
        >
          {t(ownKey ? 'bundle.verifiedOwnKey' : 'bundle.verified', { name })}
        </div>
      )}
      {result.status === 'unconfirmed' && (
        <div
          className="warning"
          role="alert"
          data-testid="verify-verdict"
          data-ok="false"
          data-status="unconfirmed"
        >
          {t('bundle.unconfirmed', { name, fingerprint: result.signerFingerprint ?? '' })}
        </div>
      )}
      {result.status === 'failed' && (
        <div
          className="warning"
          role="alert"
          data-testid="verify-verdict"
          data-ok="false"
          data-status="failed"
        >
          {t('bundle.notVerified', { name, count: result.problems.length })}
          <ul className="bundle-problems">
            {result.problems.map((p, i) => (
              <li key={i} data-testid="verify-problem">
                {p.path !== undefined && <span className="mono">{escapeUntrusted(p.path)}: </span>}
                {escapeUntrusted(p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details open={result.status !== 'verified'}>
        <summary>{t('bundle.report')}</summary>
        <pre className="bundle-report" data-testid="verify-report">
          {formatVerifyResult(result, rawName)}
        </pre>
      </details>
    </div>
  );
}
