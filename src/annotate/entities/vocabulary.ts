/**
 * Hand-written word lists for the entity rules (English and Spanish), kept as data so the rules stay readable.
 * Every entry names a generic phenomenon of news text (titles, organisation suffixes, place heads), never a
 * particular outlet, person or article. All entries are lower case; lookups lower-case the token first.
 */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/**
 * Titles that name a person's office or rank: "President Elena Brandt", "la ministra de Transporte". A name
 * right after one is a person, and the title becomes the mention's role.
 */
export const TITLES = words(`
  president presidents secretary minister premier chancellor governor senator representative congressman
  congresswoman mayor ambassador envoy commissioner director chairman chairwoman chair ceo cfo coo founder
  spokesman spokeswoman spokesperson judge justice prosecutor attorney general admiral commander colonel captain
  lieutenant sergeant major corporal marshal officer chief king queen prince princess duke duchess emperor pope
  cardinal bishop archbishop rabbi imam sheikh pastor reverend father sister dr doctor professor prof mr mrs ms
  miss sir dame lord lady sen sens rep reps gov gen col capt lt sgt adm cmdr supt insp det president-elect
  vice-president leader coach manager striker goalkeeper midfielder defender captain executive economist analyst
  head inspector superintendent sheriff deputy speaker whip councillor councilman councilwoman aide adviser advisor
  correspondent editor columnist
  presidente presidenta secretario secretaria ministro ministra canciller gobernador gobernadora senador senadora
  diputado diputada alcalde alcaldesa embajador embajadora director directora juez jueza fiscal general
  comandante coronel capitán teniente sargento rey reina príncipe princesa papa obispo arzobispo don doña
  sr sra srta señor señora vocero vocera portavoz jefe jefa líder dirigente entrenador técnico delegado delegada
  consejero consejera asesor asesora subsecretario subsecretaria titular mandatario mandataria
`);

/** Words that only modify a following title ("Vice President", "Defense Secretary", "Prime Minister"). */
export const TITLE_MODIFIERS = words(`
  vice deputy prime foreign defense defence interior finance treasury justice health education state home trade
  commerce labor labour energy agriculture transport transportation homeland security economy economic foreign
  chief executive senior acting former interim first attorney lead top assistant associate managing
  supreme district federal regional provincial national army navy air police fire party union opposition
  majority minority house senate
  vice primer primera exministro exministra ex expresidente expresidenta
`);

/** Titles that only ever precede a name (abbreviations): they never stand for the person alone. */
export const HONORIFICS = words(`mr mrs ms miss dr sir dame sen rep gov gen col capt lt sgt adm prof rev sr sra srta don doña`);

/** Titles that say the person is a woman or a man (for "he"/"she" agreement). */
export const FEMALE_TITLES = words(`
  mrs ms miss queen princess duchess dame lady sister congresswoman chairwoman spokeswoman councilwoman
  presidenta secretaria ministra gobernadora senadora diputada alcaldesa embajadora directora jueza reina princesa
  sra srta señora doña vocera jefa delegada consejera asesora subsecretaria mandataria
`);
export const MALE_TITLES = words(`
  mr king prince duke emperor pope sir lord father congressman chairman spokesman councilman
  presidente secretario ministro gobernador senador diputado alcalde embajador director rey príncipe sr señor don
  vocero jefe delegado consejero asesor subsecretario mandatario
`);

/** Last words of organisation names ("Acme Inc", "Labour Party", "Supreme Court"). */
export const ORG_TAILS = words(`
  inc corp co ltd llc plc ag sa s.a s.a. gmbh nv bv group holdings bank party ministry department
  agency committee council commission court university college school institute association federation union league
  club company corporation airlines airways motors industries foundation fund trust board office bureau service
  services police army navy force forces guard parliament congress senate assembly government administration
  cabinet authority network times post news journal press tribune herald gazette review television radio tv
  workers church mission movement front alliance coalition organisation organization society center centre hospital
  exchange reserve brigade regiment command cartel gang
  energy power electric mining resources oil gas petroleum steel motors cells batteries labs laboratories
  technologies systems pharmaceuticals capital partners logistics foods media wire ledger courier daily
`);

/** Company suffixes: the end of an organisation's name ("Acme Inc of Tulsa" is Acme Inc in Tulsa). */
export const LEGAL_SUFFIXES = words(`inc corp co ltd llc plc ag sa s.a gmbh nv bv`);

/** First words of organisation names ("Ministry of Defence", "University of Texas", "Secretaría de Salud"). */
export const ORG_HEADS = words(`
  ministry department university bank bureau office house court council church federation association institute
  commission committee board agency league union party college school academy
  departamento dirección oficina agencia servicio comité ayuntamiento movimiento frente alianza coalición
  organización sociedad centro hospital cártel
  unión ministerio secretaría secretaria universidad banco instituto comisión consejo partido gobierno ejército guardia
  fiscalía procuraduría suprema corte tribunal cámara senado congreso asamblea sindicato confederación federación
  asociación fundación empresa compañía grupo policía armada marina fuerza fuerzas junta
`);

/** Last words of place names ("Rio Grande Valley", "Orange County", "Red Sea"). */
export const PLACE_TAILS = words(`
  river mountains mountain mount island islands county province state region district valley sea ocean lake bay
  gulf strait peninsula coast desert canal street avenue road square park city town village border airport port
  heights hills plains basin delta
`);

/** First words of place names ("Mount Everest", "Lake Chad", "Río Bravo", "Ciudad Juárez"). */
export const PLACE_HEADS = words(`
  mount lake gulf cape port fort isle río rio ciudad estado provincia municipio lago monte golfo isla islas sierra
  valle puerto bahía mar cerro
`);

/** "Ohio-based", "Hong Kong-listed": adjectives made from a name, not part of the next name (typed misc). */
export const COMPOUND_ADJECTIVE = /-(?:based|listed|controlled|owned|born|led|backed|registered|made|sponsored)$/i;

/** Words that make a state's name wherever they stand in it ("Federal Republic of …", "United Arab Emirates"). */
export const STATE_WORDS = words(`republic kingdom emirates commonwealth principality sultanate república reino`);

/** Words before a name that announce a place ("in Mexico", "en Madrid"). */
export const PLACE_PREPOSITIONS = words(`in at from near across outside inside into toward towards via en desde hacia cerca`);

/** Lower-case nouns right before or after a name that say it is an organisation ("carrier Iberia", "the Sun newspaper"). */
export const ORG_NOUNS = words(`
  company firm group bank carrier airline insurer lender broker brokerage maker manufacturer producer retailer
  conglomerate newspaper daily weekly magazine broadcaster network agency club team side outfit party union
  empresa compañía firma grupo banco aerolínea aseguradora diario periódico revista cadena agencia club equipo
  partido sindicato
`);

/** Common nouns that introduce a place name with "of"/"de" ("the city of Arbil", "la provincia de Salta"). */
export const PLACE_NOUNS = words(`
  city town village province region state district county capital port island islands republic suburb
  municipality neighbourhood neighborhood area outskirts
  ciudad pueblo localidad provincia región estado distrito condado capital puerto isla islas república municipio
  barrio colonia alcaldía departamento
`);

/** Verbs after a name that suggest a person (an organisation "said" too, so this is only a weak cue). */
export const PERSON_VERBS = words(`said says told added asked wrote tweeted posted dijo afirmó declaró aseguró señaló agregó explicó`);

/**
 * Capitalised words that start sentences or headlines but never begin a name: function words, pronouns, weekdays
 * and months (TIMEX, not entities), and frequent sentence openers.
 */
export const NEVER_NAMES = words(`
  a an the this that these those it its he she they we i you his her their our my your him them us me
  and or but nor so yet if when while after before because although though as at by for from in into of on onto
  to with without about above below over under up down out off than then there here where what which who whom amid
  amongst among against despite
  whose why how all any both each every few many most much no not none some such only also even just still already
  again now today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
  february march april may june july august september october november december sept sep oct nov dec jan feb
  apr jun jul aug mon tue wed thu fri sat sun is are was were be been has have had do does did will would can could
  should shall might must let yes please thank thanks meanwhile however moreover furthermore instead also
  first second third fourth fifth last next men women total
  el la los las un una unos unas lo al del y o pero ni que cuando donde como porque aunque si sin con por para en
  de desde hasta sobre entre tras durante según ante bajo contra este esta estos estas ese esa esos esas aquel
  aquella su sus mi mis tu tus él ella ellos ellas nosotros yo usted ustedes hoy ayer mañana lunes martes miércoles
  jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
  noviembre diciembre también además sin embargo luego entonces aquí allí ya no sí es son fue fueron ha han
`);

/**
 * Lower-case words allowed inside an English name between two capitalised words ("Bank of England", "Charles de
 * Gaulle", "Ludwig van Beethoven"); "of" and "for" only after a head word (see candidates.ts).
 */
export const NAME_CONNECTORS = words(`of for de del da das do dos du van von der den ter bin ibn al le`);

/** Personal pronouns that may point back to a person, with the gender they require. */
export const PRONOUNS: ReadonlyMap<string, 'female' | 'male'> = new Map([
  ['he', 'male'],
  ['him', 'male'],
  ['his', 'male'],
  ['she', 'female'],
  ['her', 'female'],
  ['hers', 'female'],
  ['él', 'male'],
  ['ella', 'female'],
]);

/** Titles that name the same office as another ("la mandataria" after "la presidenta X"), for title links. */
export const TITLE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['mandatario', 'presidente'],
  ['mandataria', 'presidenta'],
  ['premier', 'minister'],
  ['chancellor', 'minister'],
  ['canciller', 'ministro'],
]);

/** Determiners that make a bare title a reference to someone already named ("the secretary", "la ministra"). */
export const DEFINITE_ARTICLES = words(`the el la`);

/** Spanish demonyms and group nouns (compromise's list is English); masculine and feminine, singular and plural. */
export const SPANISH_DEMONYMS = words(`
  mexicano mexicana mexicanos mexicanas estadounidense estadounidenses español española españoles españolas
  argentino argentina argentinos argentinas colombiano colombiana colombianos colombianas venezolano venezolana
  venezolanos venezolanas chileno chilena chilenos chilenas peruano peruana peruanos peruanas cubano cubana
  cubanos cubanas brasileño brasileña brasileños brasileñas canadiense canadienses chino china chinos chinas
  ruso rusa rusos rusas ucraniano ucraniana ucranianos ucranianas europeo europea europeos europeas francés
  francesa franceses francesas alemán alemana alemanes alemanas británico británica británicos británicas
  italiano italiana italianos italianas japonés japonesa japoneses japonesas israelí israelíes palestino palestina
  palestinos palestinas iraní iraníes latinoamericano latinoamericanos hondureño hondureños guatemalteco
  guatemaltecos salvadoreño salvadoreños
`);

/** Plural nouns for members of parties and movements, typed as groups ("Democrats", "los republicanos"). */
export const GROUP_NOUNS = words(`
  democrat republican conservative liberal socialist communist tory labourite
  democrats republicans conservatives liberals tories socialists communists labourites sunnis shiites muslims
  christians catholics protestants jews hindus buddhists israelis palestinians
  demócratas republicanos conservadores socialistas comunistas morenistas panistas priistas
`);

/**
 * Names with a standard alias, so "U.S." and "United States" are one entity in an article. Keys are lower-case
 * forms without dots; values the canonical name.
 */
export const KNOWN_ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'United States'],
  ['usa', 'United States'],
  ['america', 'United States'],
  ['united states of america', 'United States'],
  ['eeuu', 'Estados Unidos'],
  ['ee uu', 'Estados Unidos'],
  ['uk', 'United Kingdom'],
  ['britain', 'United Kingdom'],
  ['great britain', 'United Kingdom'],
  ['un', 'United Nations'],
  ['onu', 'Organización de las Naciones Unidas'],
  ['eu', 'European Union'],
  ['ue', 'Unión Europea'],
]);

/** Last words of events, laws and other named things that are neither people, organisations nor places. */
export const MISC_TAILS = words(`
  cup championship championships games olympics open tournament trophy prize award awards war treaty accord accords
  agreement summit festival act index series grand prix derby marathon rally meeting march day tour bowl classic
  final finals masters slam debate debates olympiad
  copa campeonato juegos olimpiadas torneo premio guerra tratado acuerdo cumbre festival ley
`);
