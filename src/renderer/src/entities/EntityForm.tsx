import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_PROPERTIES, type EntityInput } from '../../../core/entities';
import {
  ENTITY_KINDS,
  ROLES,
  type Entity,
  type EntityKind,
  type OfficialPost,
  type Role,
  type VictimStatus,
} from '../../../core/model';
import { detectScript } from '../../../core/names';
import { Dialog } from '../shell/Dialog';
import { Field, TextAreaField } from '../shell/Field';
import { errorMessage } from './useCaseData';
import { FormFooter } from '../shell/FormFooter';

type Props = Readonly<{
  initial?: Entity;
  onSubmit: (input: EntityInput) => Promise<void>;
  onClose: () => void;
}>;

const ID_STATUSES = ['presumed', 'identified', 'not-identified'] as const;
const REFERRAL_STATUSES = ['not-referred', 'referred', 'assisted', 'returned'] as const;
const EMPTY_POST: OfficialPost = { agency: '', position: '' };

function without(v: VictimStatus, key: keyof VictimStatus): VictimStatus {
  const next: { -readonly [K in keyof VictimStatus]: VictimStatus[K] } = { ...v };
  delete next[key];
  return next;
}

/** Create or edit an entity; on refusal the dialog stays open with the message. */
export function EntityForm({ initial, onSubmit, onClose }: Props): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const primaryIndex = Math.max(0, initial?.names.findIndex((n) => n.primary === true) ?? 0);
  const [kind, setKind] = useState<EntityKind>(initial?.kind ?? 'person');
  const [name, setName] = useState(initial?.names[primaryIndex]?.value ?? '');
  const [aliases, setAliases] = useState<string[]>(
    initial?.names.filter((_, i) => i !== primaryIndex).map((n) => n.value) ?? [],
  );
  const [roles, setRoles] = useState<readonly Role[]>(initial?.roles ?? []);
  const [properties, setProperties] = useState<Record<string, string>>({
    ...(initial?.properties ?? {}),
  });
  const [posts, setPosts] = useState<OfficialPost[]>([...(initial?.posts ?? [])]);
  const [victim, setVictim] = useState<VictimStatus>(initial?.victim ?? {});
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const build = (): EntityInput => {
    const names = [name, ...aliases]
      .map((v) => v.trim())
      .filter((v, i, all) => v !== '' && all.indexOf(v) === i)
      .map((value, i) => ({
        value,
        script: detectScript(value),
        ...(i === 0 ? { primary: true } : {}),
      }));
    const props = Object.fromEntries(
      Object.entries(properties)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    );
    const keptPosts = roles.includes('official')
      ? posts.filter((p) => p.agency.trim() !== '' || p.position.trim() !== '')
      : (initial?.posts ?? []);
    const keptVictim = roles.includes('victim') ? victim : initial?.victim;
    return {
      kind,
      names,
      roles,
      properties: props,
      ...(keptPosts.length > 0 ? { posts: keptPosts } : {}),
      ...(keptVictim !== undefined && Object.keys(keptVictim).length > 0
        ? { victim: keptVictim }
        : {}),
      ...(notes.trim() !== '' ? { notes } : {}),
    };
  };

  const setPost = (i: number, change: Partial<OfficialPost>) =>
    setPosts(posts.map((p, j) => (j === i ? { ...p, ...change } : p)));

  return (
    <Dialog
      title={initial ? t('entities.form.editTitle') : t('entities.form.newTitle')}
      onClose={onClose}
      testId="entity-form"
    >
      <form
        autoComplete="off"
        className="form entities-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          onSubmit(build()).then(onClose, (e: unknown) => {
            setError(errorMessage(e));
            setBusy(false);
          });
        }}
      >
        <div className="entities-row">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('entities.form.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              disabled={initial !== undefined}
              data-testid="entity-kind"
              onChange={(e) => setKind(e.target.value as EntityKind)}
            >
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`model.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('entities.form.name')}
            hint={t('entities.form.nameHint')}
            value={name}
            required
            autoFocus
            testId="entity-name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <span className="label">{t('entities.form.aliases')}</span>
          {aliases.map((alias, i) => (
            <div className="entities-row" key={i}>
              <input
                aria-label={t('entities.form.aliasN', { number: String(i + 1) })}
                value={alias}
                autoComplete="off"
                spellCheck={false}
                data-testid="entity-alias"
                onChange={(e) => setAliases(aliases.map((a, j) => (j === i ? e.target.value : a)))}
              />
              <button type="button" onClick={() => setAliases(aliases.filter((_, j) => j !== i))}>
                {t('entities.form.remove')}
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="link"
              data-testid="entity-add-alias"
              onClick={() => setAliases([...aliases, ''])}
            >
              {t('entities.form.addAlias')}
            </button>
          </div>
        </div>
        <fieldset className="entities-roles">
          <legend>{t('entities.form.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="inline">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                data-testid={`entity-role-${r}`}
                onChange={(e) =>
                  setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
                }
              />
              {t(`model.role.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="entities-grid">
          {KIND_PROPERTIES[kind].map((key) => (
            <Field
              key={key}
              label={t(`entities.property.${key}` as 'entities.property.number')}
              value={properties[key] ?? ''}
              testId={`entity-prop-${key}`}
              onChange={(e) => setProperties({ ...properties, [key]: e.target.value })}
            />
          ))}
        </div>
        {roles.includes('official') && (
          <fieldset data-testid="entity-posts">
            <legend>{t('entities.form.posts')}</legend>
            {posts.map((p, i) => (
              <div className="entities-grid" key={i}>
                <Field
                  label={t('entities.form.agency')}
                  value={p.agency}
                  testId="post-agency"
                  onChange={(e) => setPost(i, { agency: e.target.value })}
                />
                <Field
                  label={t('entities.form.position')}
                  value={p.position}
                  testId="post-position"
                  onChange={(e) => setPost(i, { position: e.target.value })}
                />
                <Field
                  label={t('entities.form.rank')}
                  value={p.rank ?? ''}
                  testId="post-rank"
                  onChange={(e) => setPost(i, { rank: e.target.value })}
                />
                <Field
                  label={t('entities.form.from')}
                  type="date"
                  value={p.from ?? ''}
                  testId="post-from"
                  onChange={(e) => setPost(i, { from: e.target.value })}
                />
                <Field
                  label={t('entities.form.to')}
                  type="date"
                  value={p.to ?? ''}
                  testId="post-to"
                  onChange={(e) => setPost(i, { to: e.target.value })}
                />
                <div className="field">
                  <span className="label">&nbsp;</span>
                  <button type="button" onClick={() => setPosts(posts.filter((_, j) => j !== i))}>
                    {t('entities.form.remove')}
                  </button>
                </div>
              </div>
            ))}
            <button
              type="button"
              className="link"
              data-testid="entity-add-post"
              onClick={() => setPosts([...posts, EMPTY_POST])}
            >
              {t('entities.form.addPost')}
            </button>
          </fieldset>
        )}
        {roles.includes('victim') && (
          <fieldset className="entities-grid" data-testid="entity-victim">
            <legend>{t('entities.form.victim')}</legend>
            <Field
              label={t('entities.form.nationality')}
              value={victim.nationality ?? ''}
              testId="victim-nationality"
              onChange={(e) => setVictim({ ...victim, nationality: e.target.value })}
            />
            <div className="field">
              <label htmlFor={`${id}-idst`}>{t('entities.form.identification')}</label>
              <select
                id={`${id}-idst`}
                value={victim.identificationStatus ?? ''}
                data-testid="victim-identification"
                onChange={(e) => {
                  const rest = without(victim, 'identificationStatus');
                  const v = e.target.value as (typeof ID_STATUSES)[number] | '';
                  setVictim(v === '' ? rest : { ...rest, identificationStatus: v });
                }}
              >
                <option value="">{t('entities.form.unknown')}</option>
                {ID_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`entities.idStatus.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-ref`}>{t('entities.form.referral')}</label>
              <select
                id={`${id}-ref`}
                value={victim.referralStatus ?? ''}
                data-testid="victim-referral"
                onChange={(e) => {
                  const rest = without(victim, 'referralStatus');
                  const v = e.target.value as (typeof REFERRAL_STATUSES)[number] | '';
                  setVictim(v === '' ? rest : { ...rest, referralStatus: v });
                }}
              >
                <option value="">{t('entities.form.unknown')}</option>
                {REFERRAL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`entities.referral.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>
        )}
        <TextAreaField
          label={t('entities.form.notes')}
          rows={3}
          value={notes}
          testId="entity-notes"
          onChange={(e) => setNotes(e.target.value)}
        />
        <FormFooter
          error={error}
          errorTestId="entity-form-error"
          onCancel={onClose}
          submitLabel={busy ? t('common.working') : t('common.save')}
          submitDisabled={busy}
          submitTestId="entity-save"
        />
      </form>
    </Dialog>
  );
}
