import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVerifyResult, verifyBundle, type VerifyResult } from '../../../core/bundle';
import { platform } from '../platform';
import { Field } from '../shell/Field';
import { errorText } from '../vault/errorText';

type State =
  | Readonly<{ kind: 'idle' }>
  | Readonly<{ kind: 'busy'; name: string }>
  | Readonly<{ kind: 'done'; name: string; result: VerifyResult }>
  | Readonly<{ kind: 'failed'; name: string; message: string }>;

/**
 * Checks a bundle with the same verifier the court runs (src/core/bundle verify), on a file
 * the user picks. The bundle is read into memory only: nothing of it is written to the vault
 * or the profile, so verifying a bundle from another agency leaves no trace of its contents.
 */
export function VerifyPanel(): ReactNode {
  const { t } = useTranslation();
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
          const result = await verifyBundle(
            file.data,
            fingerprint === '' ? {} : { expectedFingerprint: fingerprint },
          );
          setState({ kind: 'done', name: file.name, result });
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
      {state.kind === 'done' && <VerifyReport name={state.name} result={state.result} />}
    </section>
  );
}

function VerifyReport({
  name,
  result,
}: Readonly<{ name: string; result: VerifyResult }>): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="bundle-verify-result" data-testid="verify-result">
      {result.ok ? (
        <div className="ok-banner" role="status" data-testid="verify-verdict" data-ok="true">
          {t('bundle.verified', { name })}
        </div>
      ) : (
        <div className="warning" role="alert" data-testid="verify-verdict" data-ok="false">
          {t('bundle.notVerified', { name, count: result.problems.length })}
          <ul className="bundle-problems">
            {result.problems.map((p, i) => (
              <li key={i} data-testid="verify-problem">
                {p.path !== undefined && <span className="mono">{p.path}: </span>}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details open={!result.ok}>
        <summary>{t('bundle.report')}</summary>
        <pre className="bundle-report" data-testid="verify-report">
          {formatVerifyResult(result, name)}
        </pre>
      </details>
    </div>
  );
}
