import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../core/model';
import { Field } from '../shell/Field';

type Props = Readonly<{ actor: Actor; onChange: (actor: Actor) => void; prefix: string }>;

export function IdentityFields({ actor, onChange, prefix }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('vault.actorName')}
        value={actor.name}
        required
        autoComplete="off"
        testId={`${prefix}-actor-name`}
        onChange={(e) => onChange({ ...actor, name: e.target.value })}
      />
      <Field
        label={t('vault.agency')}
        value={actor.agency}
        required
        autoComplete="off"
        testId={`${prefix}-agency`}
        onChange={(e) => onChange({ ...actor, agency: e.target.value })}
      />
      <Field
        label={t('vault.badge')}
        value={actor.badge}
        required
        autoComplete="off"
        testId={`${prefix}-badge`}
        onChange={(e) => onChange({ ...actor, badge: e.target.value })}
      />
    </>
  );
}

export const EMPTY_ACTOR: Actor = { name: '', agency: '', badge: '' };

export function isCompleteActor(actor: Actor): boolean {
  return actor.name.trim() !== '' && actor.agency.trim() !== '' && actor.badge.trim() !== '';
}
