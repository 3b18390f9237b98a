// Word lists that cue the type of a proper-noun run. General English vocabulary, not names.
// A word's lists are bits of one number: one lookup answers every list (each lookup of a word
// costs about the same, and typing a run asks many lists about the same few words).
import { WordFilter } from './gazetteer';
import { fnv1a } from '../../text/fnv1a';

/** The lists below, one bit each. */
export enum Cue {
  Title = 1 << 0,
  TitleModifier = 1 << 1,
  OrgHead = 1 << 2,
  PlaceHead = 1 << 3,
  MiscHead = 1 << 4,
  RunConnector = 1 << 5,
  NameParticle = 1 << 6,
  PlacePreposition = 1 << 7,
  PlaceNoun = 1 << 8,
  SpeechVerb = 1 << 9,
  CommonAcronym = 1 << 10,
  NotName = 1 << 11,
  OrgNoun = 1 << 12,
  PersonNoun = 1 << 13,
  MiscNoun = 1 << 14,
  OrgPrefix = 1 << 15,
  Compass = 1 << 16,
  Copula = 1 << 17,
  Article = 1 << 18,
  DescribedPlace = 1 << 19,
  WeakPlaceHead = 1 << 20,
}

const CUES = new Map<string, number>();
// About a thousand cue words.
const FILTER = new WordFilter(1024);

/** Puts the words of a whitespace-separated list on the list `cue`. */
function list(cue: Cue, words: string): void {
  for (const word of words.trim().split(/\s+/)) {
    CUES.set(word, (CUES.get(word) ?? 0) | cue);
    FILTER.add(word);
  }
}

/** The lists `word` is on, as Cue bits (0 for none). Most words asked about are on none. */
export function cuesOf(word: string): number {
  return FILTER.mayHave(fnv1a(word)) ? (CUES.get(word) ?? 0) : 0;
}

/** Marks a token already looked up: its cues may be none. */
const LOOKED_UP = 1 << 30;

/**
 * The cues of a document's token by index (none out of range), each token looked up once:
 * finding runs and typing them ask about the same tokens.
 */
export function tokenCues(tokens: readonly string[]): (index: number) => number {
  const known = new Int32Array(tokens.length);
  return index => {
    if (index < 0 || index >= tokens.length) return 0;
    if (known[index] === 0) known[index] = cuesOf(tokens[index]) | LOOKED_UP;
    return known[index] & ~LOOKED_UP;
  };
}

/** Titles before a person's name; the title itself is not part of the name. */
list(
  Cue.Title,
  `
  President Minister Chancellor Secretary Senator Sen. Governor Gov. Mayor King Queen Prince Princess
  Pope Emperor Empress Sultan Emir Sheikh Ayatollah General Gen. Colonel Col. Captain Capt.
  Lieutenant Lt. Sergeant Sgt. Admiral Adm. Commander Marshal Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir
  Dame Lord Lady Judge Justice Rev. Reverend Father Bishop Archbishop Cardinal Rabbi Imam Professor Prof.
  Chairman Chairwoman Chair CEO Ambassador Premier Spokesman Spokeswoman Spokesperson Director
  Commissioner Coach Manager Speaker Representative Rep. Congressman Congresswoman Councillor
  Councilman Leader Dictator Duke Duchess Countess Baron Baroness Tsar Czar Shah Pharaoh Officer
  Inspector Detective Attorney Gov Sen Rep Fr Fr. Sheriff
`,
);

/** Words that qualify a following title ("Foreign Minister", "Prime Minister"). */
list(
  Cue.TitleModifier,
  `
  Foreign Prime Vice Deputy Former Chief Executive Defence Defense Finance Interior Home Health Trade
  Economy Economic Education Energy Justice Labour Labor Culture Environment Agriculture Transport
  Affairs State Acting Interim Assistant Associate Senior Junior First Grand Supreme Head General
  Attorney Secretary Minister Crown Opposition Party Communist Federal National Regional Provincial
`,
);

/** Head words of organisations: as the last word, or before "of"/"for" ("Bank of England"). */
list(
  Cue.OrgHead,
  `
  Ministry Party Organisation Organization Post Times News Bank University College School Academy
  Institute Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC plc PLC Company Co. Group Association Union
  Council Committee Commission Agency Department Office Army Navy Force Forces Police Court Parliament
  Congress Senate Assembly Club FC Airlines Airways Motors Records Studios Press Journal Herald
  Tribune Gazette Network Television TV Radio Broadcasting Foundation Fund Trust Society Federation
  League Hospital Embassy Government Administration Authority Bureau Service Services Systems
  Technologies Holdings Industries Alliance Coalition Movement Brigade Regiment Division Corps
  Orchestra Band Cabinet Consortium Bancorp Exchange Reserve Guard Guards Institution Laboratory
  Laboratories Labs Centre Center Museum Library Church Cathedral Temple Mosque Synagogue Monastery
  Seminary Conference Congregation Chamber Lodge Team Enterprises
  Partners Associates Capital Media Entertainment Pictures Publishing Publications Magazine Daily
  Telegraph Observer Monitor Review Chronicle Mirror Express Tribunal Commonwealth Wing Squadron Fleet
  Battalion Railroad Railway Railways Lines Works Hotel Resort Scouts Base Command Legion
  Militia Cartel Syndicate Brotherhood Caucus Diocese Archdiocese Ministries Secretariat
  Inc Incorporated Limited GmbH AG SA S.A. NV BV Pty Co Bros Brothers Sons Motor Energy Oil Petroleum
  Pharmaceuticals Electronics Software Communications Telecom Solutions
`,
);

/** Head words of places: as the last word, or before "of" ("Gulf of Mexico"). */
list(
  Cue.PlaceHead,
  `
  River Lake Lakes Mountain Mountains Mount Mt. Island Islands Isle Bay Sea Ocean Valley Street
  Avenue Road Square Park County Province Region District Bridge Canal Peninsula Desert Coast Gulf
  Strait Cape Hills Heights Falls Beach Port Fort Village Town Township Creek Forest Glacier Plain
  Plains Plateau Basin Delta Harbour Harbor Oblast Prefecture Territory Territories Republic Kingdom
  Emirate Airport Station Highway Boulevard Lane Peak Volcano Canyon Reef Archipelago Borough Parish
  Municipality Governorate Commune Arena Stadium Castle Palace City Cave Reservoir Dam Tower Prison
  Cemetery Brook Stream Moor Springs Junction Estate Avenue Ave Rd Blvd Plaza Quay Wharf Pier Gorge
  Fjord Lagoon Oasis Atoll Promontory Headland Shire Canton Voivodeship Krai Raion Emirates Precinct
  Neighborhood Neighbourhood Suburb
`,
);

/**
 * Last words of places that are also surnames or common words ("Carnegie Hall", "Hancock Pond";
 * but "Stuart Hall"): they type a run only when nothing says it names a person.
 */
list(
  Cue.WeakPlaceHead,
  `
  Hall House Field Fields Garden Gardens Gallery Theatre Theater Cinema Pavilion Market Mall Rink
  Pond Hill Wood Woods Marsh Point Green Common Meadow Meadows Ridge Ranch Farm Mill Mills Manor
  Chapel Abbey Priory Courthouse Lighthouse Schoolhouse Lounge Grove Dock Docks Heath Crossing
`,
);

/** Head words of events, works, products and other names (MISC). */
list(
  Cue.MiscHead,
  `
  War Cup Championship Championships Olympics Olympic Games Festival Award Awards Prize Open
  Tournament Series Trophy Act Treaty Agreement Accord Accords Revolution Declaration Constitution
  Bible Quran Koran Day Christmas Easter Ramadan Grand Prix Marathon Expo Summit Symphony Opera Album
  Crisis Doctrine Plan Protocol Convention Charter Rebellion Uprising Massacre Battle Siege Campaign
  Operation Rally Show Derby Classic Bowl Medal Novel Syndrome Disease Virus Project Programme
  Program Initiative Strategy Bill Law Code Rule Olympiad Era Age Dynasty Empire Tour Election
  Elections Referendum Games Conflict Crusade Mutiny Revolt Offensive Invasion Incident Affair
  Scandal Grammys Oscars Emmys
`,
);

/** Lower-case words allowed inside a run between capitalised words. */
list(Cue.RunConnector, `of for de du da del della der den van von la le al el bin ibn y & and the`);

/** Name particles that may join a person's name without a head word ("Leonardo da Vinci"). */
list(Cue.NameParticle, `de du da del della der den van von la le al el bin ibn`);

/** Words before a run that point to a place ("in Moscow", "near Kyiv"). */
list(Cue.PlacePreposition, `in at near from to into across outside inside towards toward via`);

/** Lower-case nouns whose "of" complement is a place ("the state of Goa"). */
list(Cue.PlaceNoun, `city town village state province region county district capital suburb island port`);

/** Verbs after a run that point to a person ("Lavrov said"). */
list(Cue.SpeechVerb, `said says told added asked wrote argued claimed stated explained noted replied recalled insisted`);

/** Common acronyms that name no entity. */
list(
  Cue.CommonAcronym,
  `
  CD DVD TV PC CEO CFO COO VIP GDP AIDS HIV ID SUV KO ERA OK AM PM FAQ PDF USB GPS DNA RNA IQ MVP
  LED LCD CPU RAM ATM PIN VAT IPO
`,
);

/** Capitalised words that are never part of a name (months are left to wink's DATE spans). */
list(
  Cue.NotName,
  `
  I I'm I've I'd I'll A An The This That These Those It Its He She We They You Our Your Their His Her
  Mon Tue Wed Thu Fri Sat Sun Monday Tuesday Wednesday Thursday Friday Saturday Sunday
`,
);

/** Lower-case nouns right before a name that say it names an organisation ("the band Eels"). */
list(
  Cue.OrgNoun,
  `
  band group company firm club team label party newspaper magazine airline airlines manufacturer
  retailer chain bank brand network broadcaster carrier agency organisation organization union
  charity startup start-up conglomerate corporation publisher studio orchestra choir ensemble
  duo trio quartet outfit franchise insurer lender automaker carmaker maker operator tabloid daily
  weekly broadsheet channel station supergroup
`,
);

/** Lower-case nouns right before a name that say it names a person ("the pianist András"). */
list(
  Cue.PersonNoun,
  `
  singer songwriter guitarist drummer bassist pianist violinist cellist vocalist rapper musician
  composer conductor actor actress comedian dancer director producer filmmaker screenwriter writer
  author novelist poet playwright journalist reporter columnist editor photographer painter sculptor
  artist architect designer player striker midfielder defender goalkeeper pitcher quarterback
  coach captain manager boxer wrestler fighter cyclist swimmer runner sprinter athlete driver rider
  skater golfer batsman bowler politician senator congressman congresswoman lawmaker legislator
  diplomat minister president premier chancellor governor mayor spokesman spokeswoman spokesperson
  chairman chairwoman founder co-founder entrepreneur businessman businesswoman billionaire
  economist scientist physicist chemist biologist mathematician historian philosopher professor
  lecturer teacher student lawyer attorney judge prosecutor detective officer soldier general
  commander colonel priest bishop rabbi imam monk nun pope king queen prince princess emperor
  empress wife husband son daughter brother sister father mother uncle aunt cousin nephew niece
  grandson granddaughter widow friend colleague rival successor predecessor deputy aide adviser
  advisor analyst
`,
);

/** Lower-case nouns right before a name that say it names a work, product or event (MISC). */
list(
  Cue.MiscNoun,
  `
  album song single film movie novel book play opera musical poem series show sitcom documentary
  game video magazine-style painting sculpture symphony ep mixtape anthem hymn
`,
);

/** Words that open an organisation's name ("FC Basel", "Hotel Essex", "Radio Free Europe"). */
list(Cue.OrgPrefix, `FC AC SC CF CD RC SV VfB VfL Hotel Radio Banco Grupo Groupe`);

/** Words before a place: "North Vancouver", "West African". */
list(Cue.Compass, `North South East West Northern Southern Eastern Western Central Upper Lower Greater`);

/** Copulas and articles of a description after a name ("is a village", ", a Brazilian company"). */
list(Cue.Copula, `is was are were`);
list(Cue.Article, `a an the`);

/** Place nouns of a description beyond the PlaceNoun list ("is a hamlet", "was a river"). */
list(
  Cue.DescribedPlace,
  `
  hamlet municipality commune river lake mountain country neighbourhood neighborhood settlement parish
  borough township area locality peninsula
`,
);
