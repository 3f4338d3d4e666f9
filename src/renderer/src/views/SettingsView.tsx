import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeySlotInfo } from '../../../core/vault';
import { platform } from '../platform';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { Dialog } from '../shell/Dialog';
import { Field } from '../shell/Field';
import { errorText } from '../vault/errorText';
import { EMPTY_ACTOR, IdentityFields, isCompleteActor } from '../vault/IdentityFields';
import { NewPassphraseFields, newPassphraseReady } from '../vault/NewPassphraseFields';
import { useSession } from '../vault/session';
import { useVaultRead } from '../vault/useVaultRead';
import { FormFooter } from '../shell/FormFooter';

async function streamToBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function SettingsView(): ReactNode {
  const { t, i18n } = useTranslation();
  const { vault } = useSession();
  const slotsRead = useVaultRead(['keySlots', 'actors'], null, (v) => v.keySlots.list(), []);
  const slots: readonly KeySlotInfo[] = slotsRead.status === 'ready' ? slotsRead.data : [];
  const settingsRead = useVaultRead(['settings'], null, (v) => v.settings.get(), []);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<KeySlotInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [idle, setIdle] = useState('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);

  // The field shows the stored value again after each committed change of the settings.
  useEffect(() => {
    if (settingsRead.status === 'ready') setIdle(String(settingsRead.data.idleLockMinutes));
  }, [settingsRead]);

  const act = (work: Promise<unknown>, done: string): void => {
    setBusy(true);
    setError(null);
    setMessage(null);
    work.then(
      () => {
        setMessage(done);
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorText(t, e));
        setBusy(false);
      },
    );
  };

  return (
    <>
      <header className="view-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <p className="muted" data-testid="signed-in-as">
        {t('settings.signedInAs', {
          name: vault.actor.name,
          agency: vault.actor.agency,
          badge: vault.actor.badge,
        })}
      </p>
      {message !== null && (
        <div className="ok-banner" role="status" data-testid="settings-message">
          {message}
        </div>
      )}
      {error !== null && (
        <div className="form-error" role="alert" data-testid="settings-error">
          {error}
        </div>
      )}

      <section className="panel">
        <h2>{t('settings.usersTitle')}</h2>
        <p className="muted">{t('settings.usersIntro')}</p>
        <ul className="slot-list" data-testid="slot-list">
          {slots.map((slot) => (
            <li key={slot.id} data-testid="slot">
              <div>
                <strong>{slot.actor.name}</strong>
                {slot.current && <span className="badge">{t('settings.you')}</span>}
                <div className="muted small">
                  {slot.actor.agency} · {slot.actor.badge} ·{' '}
                  {t('settings.addedOn', {
                    date: new Date(slot.createdAt).toLocaleDateString(i18n.language),
                  })}
                </div>
              </div>
              <button
                type="button"
                disabled={slots.length <= 1 || busy}
                title={slots.length <= 1 ? t('settings.lastUser') : undefined}
                data-testid="slot-remove"
                onClick={() => setRemoving(slot)}
              >
                {t('settings.removeUser')}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setAdding(true)} data-testid="add-user">
          {t('settings.addUser')}
        </button>
      </section>

      <section className="panel">
        <h2>{t('settings.changePassphrase')}</h2>
        <form
          autoComplete="off"
          className="form narrow"
          onSubmit={(event) => {
            event.preventDefault();
            if (!newPassphraseReady(next, repeat) || current === '') return;
            act(vault.keySlots.changePassphrase(current, next), t('settings.passphraseChanged'));
            setCurrent('');
            setNext('');
            setRepeat('');
          }}
        >
          <Field
            label={t('settings.currentPassphrase')}
            secret
            autoComplete="off"
            value={current}
            testId="change-current"
            onChange={(e) => setCurrent(e.target.value)}
          />
          <NewPassphraseFields
            label={t('settings.newPassphrase')}
            passphrase={next}
            repeat={repeat}
            prefix="change"
            onChange={(p, r) => {
              setNext(p);
              setRepeat(r);
            }}
          />
          <button
            type="submit"
            className="primary"
            disabled={busy || current === '' || !newPassphraseReady(next, repeat)}
            data-testid="change-submit"
          >
            {t('settings.changePassphrase')}
          </button>
        </form>
      </section>

      <section className="panel">
        <h2>{t('settings.idleTitle')}</h2>
        <form
          autoComplete="off"
          className="form narrow inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const minutes = Number.parseInt(idle, 10);
            act(
              vault.settings.update({ idleLockMinutes: minutes }),
              t('settings.idleSaved', { minutes: String(minutes) }),
            );
          }}
        >
          <Field
            label={t('settings.idleMinutes')}
            type="number"
            min={1}
            max={1440}
            value={idle}
            testId="idle-minutes"
            onChange={(e) => setIdle(e.target.value)}
          />
          <button type="submit" disabled={busy} data-testid="idle-save">
            {t('common.save')}
          </button>
        </form>
      </section>

      <section className="panel">
        <h2>{t('settings.backupTitle')}</h2>
        <p className="muted">{t('settings.backupIntro')}</p>
        <button
          type="button"
          disabled={busy}
          data-testid="backup"
          onClick={() => {
            setBusy(true);
            setError(null);
            vault
              .exportBackup()
              .then(streamToBytes)
              .then(async (bytes) => {
                const stamp = new Date().toISOString().slice(0, 10);
                await platform.saveFile({
                  suggestedName: `${vault.name}-${stamp}.ringtrace-backup`,
                  data: bytes,
                });
                setMessage(t('settings.backupDone', { size: formatSize(bytes.byteLength) }));
                setBusy(false);
              })
              .catch((e: unknown) => {
                setError(errorText(t, e));
                setBusy(false);
              });
          }}
        >
          {t('settings.backup')}
        </button>
      </section>

      <section className="panel">
        <h2>{t('settings.signingTitle')}</h2>
        <p className="muted">{t('settings.signingIntro')}</p>
        <div className="field">
          <span className="label">{t('settings.fingerprint')}</span>
          <code className="fingerprint" data-testid="fingerprint">
            {vault.signing.fingerprint}
          </code>
        </div>
      </section>

      {adding && (
        <AddUserDialog
          onClose={() => setAdding(false)}
          onDone={(name) => {
            setAdding(false);
            setMessage(name);
          }}
        />
      )}
      {removing !== null && (
        <ConfirmDialog
          title={t('settings.removeUser')}
          message={t('settings.removeUserConfirm', { name: removing.actor.name })}
          confirmLabel={t('settings.removeUser')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const slot = removing;
            setRemoving(null);
            act(vault.keySlots.remove(slot.id), `${slot.actor.name} ✓`);
          }}
        />
      )}
    </>
  );
}

function AddUserDialog({
  onClose,
  onDone,
}: Readonly<{ onClose: () => void; onDone: (message: string) => void }>): ReactNode {
  const { t } = useTranslation();
  const { vault } = useSession();
  const [actor, setActor] = useState(EMPTY_ACTOR);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = isCompleteActor(actor) && newPassphraseReady(passphrase, repeat);
  return (
    <Dialog title={t('settings.addUserTitle')} onClose={onClose} testId="add-user-dialog">
      <form
        autoComplete="off"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || busy) return;
          setBusy(true);
          vault.keySlots.add({ passphrase, actor }).then(
            () => onDone(`${actor.name} ✓`),
            (e: unknown) => {
              setError(errorText(t, e));
              setBusy(false);
            },
          );
        }}
      >
        <IdentityFields actor={actor} onChange={setActor} prefix="add" />
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          prefix="add"
          onChange={(p, r) => {
            setPassphrase(p);
            setRepeat(r);
          }}
        />
        <FormFooter
          error={error}
          onCancel={onClose}
          submitLabel={busy ? t('common.working') : t('settings.addUser')}
          submitDisabled={!ready || busy}
          submitTestId="add-user-submit"
        />
      </form>
    </Dialog>
  );
}
