import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;

const STORAGE_KEY = 'cairn.language';

function initialLanguage(): string {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return LANGUAGES.some((l) => l.code === saved) ? (saved as string) : 'en';
}

i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

function applyLanguage(language: string) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
});

/** The user's language, sent with every call so that what the suite refuses is explained in it. */
export function languageHeader(): Record<string, string> {
  return { 'Accept-Language': i18n.language };
}

export default i18n;
