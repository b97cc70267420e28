/**
 * Hand-written additions to the generated gazetteer: general geographic and demographic knowledge the package
 * lists lack (continents and world regions, historical states, the nations of the United Kingdom, demonyms,
 * religions and languages, international bodies, news agencies, common East Asian family names). Lower case,
 * '|'-separated like the generated lists.
 */

/** Continents, world regions, former states and well-known areas. */
export const EXTRA_PLACES =
  'africa|asia|europe|antarctica|oceania|north america|south america|latin america|central america|the americas|' +
  'middle east|far east|near east|east asia|southeast asia|south asia|central asia|eastern europe|western europe|' +
  'scandinavia|balkans|caucasus|caribbean|mediterranean|baltic|sahara|sahel|maghreb|gulf|persian gulf|arctic|' +
  'pacific|atlantic|midwest|west bank|gaza|gaza strip|golan heights|kashmir|tibet|taiwan|hong kong|macau|' +
  'britain|great britain|england|scotland|wales|northern ireland|yugoslavia|soviet union|czechoslovakia|' +
  'east germany|west germany|zaire|burma|ceylon|siam|persia|rhodesia|bosnia|herzegovina|kosovo|chechnya|crimea|' +
  'donbas|siberia|patagonia|amazon|andes|himalayas|alps|sinai|kurdistan|catalonia|basque country|andalusia|' +
  'europa|asia|áfrica|oriente medio|oriente próximo|medio oriente|américa latina|latinoamérica|centroamérica|' +
  'norteamérica|sudamérica|caribe|mediterráneo|franja de gaza|cisjordania|reino unido|inglaterra|escocia|gales|' +
  'nueva york|londres|pekín|moscú|berlín|parís|roma|tokio|ginebra|bruselas|washington|los ángeles|ciudad de méxico|' +
  'estados unidos|eeuu|ee uu|' +
  // US state abbreviations of datelines ("IRVINE, Calif.") that are not also common words ("Ill.", "Miss.", "La.").
  'ala|ariz|ark|calif|colo|conn|fla|kan|ky|md|mich|minn|mont|neb|nev|okla|tenn|tex|vt|wis|wyo';

/** Nationalities, peoples, religions and languages: groups (MISC in CoNLL terms). */
export const EXTRA_GROUPS =
  'english|british|irish|scottish|welsh|scots|briton|britons|polish|kurdish|kurd|kurds|arab|arabs|arabic|jewish|' +
  'islamic|muslim|muslims|moslem|moslems|christian|catholic|roman catholic|protestant|orthodox|hindu|sikh|buddhist|' +
  'sunni|shia|shiite|chechen|chechens|serb|serbs|bosnian serb|bosnian serbs|croat|croats|yugoslav|soviet|zairean|' +
  'basque|catalan|tamil|tamils|hutu|hutus|tutsi|tutsis|pashtun|uighur|uyghur|latino|latinos|hispanic|hispanics|' +
  'european|europeans|asian|asians|african|africans|western|eastern|nordic|scandinavian|balkan|caucasian|' +
  'hebrew|mandarin|cantonese|spanish|french|german|italian|portuguese|dutch|swedish|danish|norwegian|finnish|' +
  'greek|turkish|russian|ukrainian|czech|slovak|hungarian|romanian|bulgarian|japanese|chinese|korean|south korean|' +
  'north korean|vietnamese|thai|indonesian|filipino|philippine|iranian|iraqi|syrian|lebanese|israeli|palestinian|' +
  'egyptian|saudi|afghan|pakistani|indian|bangladeshi|nigerian|kenyan|ethiopian|somali|sudanese|algerian|moroccan|' +
  'tunisian|libyan|mexican|cuban|brazilian|argentine|argentinian|chilean|colombian|venezuelan|peruvian|canadian|' +
  'american|americans|australian|new zealander|olympic|olympics|paralympic';

/** News agencies and wire services, and the international bodies news cites most, by English and Spanish name. */
export const EXTRA_ORGS =
  'reuters|associated press|ap|afp|agence france-presse|efe|ansa|dpa|kyodo|yonhap|xinhua|tass|itar-tass|interfax|' +
  'ria novosti|tanjug|anadolu|bernama|antara|pti|press trust of india|mena|wafa|irna|kuna|sana|notimex|europa press|' +
  'european union|unión europea|united nations|naciones unidas|nato|otan|opec|opep|world bank|banco mundial|' +
  'international monetary fund|fondo monetario internacional|world health organization|organización mundial de la salud|' +
  'bloomberg|dow jones|upi|united press international|aap|canadian press|ntb|tt|ctk|mti|pap|bta|hina|anp|belga|apa';

/** Common Chinese, Korean, Vietnamese and Japanese family names, often written first ("Wang Donghai"). */
export const EXTRA_SURNAMES =
  'wang|li|zhang|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|lin|gao|luo|zheng|liang|xie|song|tang|' +
  'deng|feng|han|cao|peng|zeng|xiao|tian|dong|pan|yuan|cai|jiang|yu|du|ye|cheng|wei|su|lu|ding|ren|shen|yao|' +
  'kim|lee|park|choi|jung|kang|cho|yoon|jang|lim|shin|oh|seo|kwon|hwang|ahn|song|yoo|hong|jeon|ko|moon|' +
  'nguyen|tran|le|pham|hoang|phan|vu|vo|dang|bui|do|ho|ngo|duong|ly|' +
  'sato|suzuki|takahashi|tanaka|watanabe|ito|yamamoto|nakamura|kobayashi|kato|yoshida|yamada|sasaki|yamaguchi|matsumoto|inoue|kimura|hayashi|shimizu|abe';
