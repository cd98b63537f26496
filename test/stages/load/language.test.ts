import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { detectLanguage, isAcceptedLanguage } from '../../../src/stages/load/language';
import { PROSE } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TABLE = JSON.parse(readFileSync(path.join(ROOT, 'data', 'lexicon', 'languages.json'), 'utf8')) as {
  english: string;
  scripts: { script: string; language?: string; yieldsTo?: { language: string } }[];
  languages: Record<string, { name: string; script?: string; words?: string[] }>;
};

/** The same short news item, written for these tests in each language. */
const SAMPLES: Record<string, string> = {
  fr: "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs. Selon le ministre, les aides seront versées avant la fin du mois, mais les syndicats estiment que cela ne suffira pas.",
  de: 'Die Regierung hat am Dienstag neue Maßnahmen für die Landwirte angekündigt. Nach Angaben des Ministers sollen die Hilfen noch vor Ende des Monats ausgezahlt werden, aber die Verbände halten das für nicht ausreichend.',
  es: 'El gobierno anunció el martes una nueva serie de medidas para apoyar a los agricultores. Según el ministro, las ayudas se pagarán antes de que termine el mes, pero los sindicatos creen que no será suficiente.',
  it: 'Il governo ha annunciato martedì una nuova serie di misure per sostenere gli agricoltori. Secondo il ministro, gli aiuti saranno versati prima della fine del mese, ma i sindacati ritengono che non basterà.',
  pt: 'O governo anunciou na terça-feira uma nova série de medidas para apoiar os agricultores. Segundo o ministro, os apoios serão pagos antes do fim do mês, mas os sindicatos dizem que não será suficiente.',
  nl: 'De regering heeft dinsdag een nieuwe reeks maatregelen aangekondigd om de boeren te steunen. Volgens de minister wordt de steun voor het einde van de maand uitbetaald, maar de bonden vinden dat niet genoeg.',
  sv: 'Regeringen presenterade på tisdagen nya åtgärder för att stödja bönderna. Enligt ministern ska stödet betalas ut innan månaden är slut, men facken anser att det inte är tillräckligt.',
  pl: 'Rząd ogłosił we wtorek nowy pakiet działań na rzecz rolników. Według ministra pomoc zostanie wypłacona jeszcze przed końcem miesiąca, ale związki zawodowe uważają, że to nie wystarczy.',
  ru: 'Правительство во вторник объявило о новых мерах поддержки фермеров. По словам министра, выплаты будут сделаны до конца месяца, но профсоюзы считают, что этого недостаточно.',
  uk: 'Уряд у вівторок оголосив про нові заходи підтримки фермерів. За словами міністра, виплати будуть зроблені до кінця місяця, але профспілки вважають, що цього недостатньо.',
  ar: 'أعلنت الحكومة يوم الثلاثاء عن مجموعة جديدة من الإجراءات لدعم المزارعين. وقال الوزير إن المساعدات ستصرف قبل نهاية الشهر، لكن النقابات ترى أن ذلك لا يكفي.',
  el: 'Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για τη στήριξη των αγροτών, αλλά τα συνδικάτα λένε ότι δεν αρκούν.',
  zh: '政府周二宣布了一系列支持农民的新措施。部长表示，补贴将在月底前发放，但工会认为这还不够。',
  ja: '政府は火曜日、農家を支援するための新たな対策を発表した。大臣によると、補助金は月末までに支払われるが、組合はそれでは不十分だとしている。',
  ko: '정부는 화요일 농민을 지원하기 위한 새로운 대책을 발표했다. 장관은 보조금이 이달 말까지 지급될 것이라고 말했지만 노조는 충분하지 않다고 보고 있다.',
};

describe('language detection', () => {
  it.each(Object.entries(SAMPLES))('recognises %s, and the loader would skip it', (code, text) => {
    const lang = detectLanguage(text);
    expect(lang.code).toBe(code);
    expect(lang.name).toBe(TABLE.languages[code].name);
    expect(isAcceptedLanguage(lang)).toBe(false);
  });

  it('recognises English, including every sample article', () => {
    expect(detectLanguage(PROSE).code).toBe('en');
    const dir = path.join(ROOT, 'data', 'articles');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { text: string }).text;
      expect({ f, code: detectLanguage(text).code }).toEqual({ f, code: 'en' });
    }
  });

  it('lets through what it cannot tell: short text, lists of names, numbers, English quoting French', () => {
    for (const text of ['Talks resume.', 'Kim Jong Un, Moon Jae-in, Xi Jinping, Vladimir Putin, Emmanuel Macron, Olaf Scholz.', '1996-08-22 12.5 13.1 14.0 15.2 16.8 17.3 18.9 19.4 20.0', '']) {
      expect(isAcceptedLanguage(detectLanguage(text))).toBe(true);
    }
    const quoting = `${PROSE} "Nous ne céderons pas", the minister said in French, before he left for the airport with the rest of the delegation.`;
    expect(detectLanguage(quoting).code).toBe('en');
  });

  it('names a script it has no table for as undetermined, and skips it', () => {
    const amharic = 'መንግሥት ማክሰኞ ለገበሬዎች ድጋፍ አዲስ እርምጃዎችን አስታውቋል። ሚኒስትሩ እንደተናገሩት ክፍያው ከወሩ መጨረሻ በፊት ይፈጸማል።';
    const lang = detectLanguage(amharic);
    expect(lang).toEqual({ code: 'und-Ethi', name: 'an undetermined language in Ethiopic script', script: 'Ethiopic' });
    expect(isAcceptedLanguage(lang)).toBe(false);
  });

  it('has a consistent table: named languages, lower-case NFC words, no common English word in another Latin list', () => {
    const english = new Set(TABLE.languages[TABLE.english].words);
    const alsoEnglish = ['no', 'do', 'as', 'her', 'war', 'hat', 'men', 'door', 'die', 'come', 'son', 'care', 'pro', 'ale', 'sin', 'al', 'co', 'am', 'plus', 'mod'];
    for (const s of TABLE.scripts) {
      for (const code of [s.language, s.yieldsTo?.language]) if (code) expect(TABLE.languages[code]?.name).toBeTruthy();
    }
    for (const [code, lang] of Object.entries(TABLE.languages)) {
      expect(lang.name).toBeTruthy();
      for (const w of lang.words ?? []) {
        expect(w).toBe(w.normalize('NFC').toLowerCase());
        if (lang.script === 'Latin') expect({ code, w, short: w.length < 2 }).toEqual({ code, w, short: false });
        if (lang.script === 'Latin' && code !== TABLE.english) expect({ code, w, english: english.has(w) || alsoEnglish.includes(w) }).toEqual({ code, w, english: false });
      }
      if (lang.words) expect(new Set(lang.words).size).toBe(lang.words.length);
    }
  });
});
