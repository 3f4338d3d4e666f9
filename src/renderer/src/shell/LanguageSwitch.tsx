import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALENDARS,
  isLanguage,
  LANGUAGES,
  NUMERALS,
  setCalendar,
  setLanguage,
  setNumerals,
  useFormatSettings,
} from '../i18n';

/** The UI language, and how dates and numbers are written in it (calendar era, digits). */
export function LanguageSwitch(): ReactNode {
  const { t, i18n } = useTranslation();
  const format = useFormatSettings();
  return (
    <div className="language-switch">
      <label>
        <span>{t('app.language')}</span>
        <select
          data-testid="language-switch"
          value={i18n.language}
          onChange={(event) => {
            if (isLanguage(event.target.value)) void setLanguage(event.target.value);
          }}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('app.calendar')}</span>
        <select
          data-testid="calendar-switch"
          value={format.calendar}
          onChange={(event) => {
            const calendar = CALENDARS.find((c) => c === event.target.value);
            if (calendar) setCalendar(calendar);
          }}
        >
          {CALENDARS.map((calendar) => (
            <option key={calendar} value={calendar}>
              {t(`app.calendars.${calendar}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('app.numerals')}</span>
        <select
          data-testid="numerals-switch"
          value={format.numerals}
          onChange={(event) => {
            const numerals = NUMERALS.find((n) => n === event.target.value);
            if (numerals) setNumerals(numerals);
          }}
        >
          {NUMERALS.map((numerals) => (
            <option key={numerals} value={numerals}>
              {t(`app.numeralSystems.${numerals}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
