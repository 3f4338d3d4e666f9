import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../core/bundle';

type Props = Readonly<{ value: ReportLanguage; onChange: (value: ReportLanguage) => void }>;

/** The court report's language: the officer's choice, recorded in the manifest. */
export function ReportLanguageChoice({ value, onChange }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <fieldset className="bundle-choice" data-testid="bundle-report-language">
      <legend>{t('bundle.reportLanguageTitle')}</legend>
      {REPORT_LANGUAGES.map((language) => (
        <label key={language}>
          <input
            type="radio"
            name="bundle-report-language"
            checked={value === language}
            onChange={() => onChange(language)}
            data-testid={`bundle-report-language-${language}`}
          />
          <span lang={language}>{t(`bundle.reportLanguages.${language}`)}</span>
        </label>
      ))}
      <span className="hint block">{t('bundle.reportLanguageHint')}</span>
    </fieldset>
  );
}
