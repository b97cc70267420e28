/**
 * Predicate classes for claim alignment: verbs (and their nominalizations) that report the same kind of happening,
 * English and Spanish in one class so a Spanish claim can align with an English one. Generic news verbs, not words
 * of any one story; a verb missing here still matches its own inflections (by stem), only not its synonyms.
 * Multi-word predicates are written verb_particle ("check_into").
 */
const PREDICATE_CLASSES: Record<string, string> = {
  kill: 'kill killing slay murder murdered execute assassinate massacre matar asesinar ejecutar',
  die: 'die death dead pass_away morir muerte fallecer',
  injure: 'injure wound hurt injury herir lesionar',
  shoot: 'shoot shooting fire_at gun_down disparar tirotear',
  attack: 'attack assault bomb bombing raid ambush strike_at atacar ataque bombardear',
  arrest: 'arrest detain apprehend nab custody capture seize detener arrestar capturar aprehender',
  charge: 'charge indict accuse prosecute acusar imputar procesar',
  convict: 'convict conviction guilty condenar',
  sentence: 'sentence jail imprison sentenciar encarcelar',
  release: 'release free liberate parole bail liberar excarcelar',
  dismiss: 'fire sack dismiss oust axe ax dismissal destituir despedir cesar',
  appoint: 'hire appoint name tap select nominate appointment hiring nombrar designar contratar',
  resign: 'resign quit step_down resignation dimitir renunciar',
  elect: 'elect win victory reelect vote election elegir ganar',
  defeat: 'defeat beat lose loss derrotar perder vencer',
  acquire: 'acquire buy purchase takeover acquisition adquirir comprar',
  sell: 'sell sale divest vender',
  launch: 'launch unveil introduce release_of debut present lanzar presentar',
  announce: 'announce announcement declare reveal disclose unveil anunciar declarar revelar',
  visit: 'visit travel trip journey tour go_to fly_to arrive arrival visitar viajar viaje gira llegar',
  meet: 'meet meeting talk_with hold_talks summit reunir reunirse reunion',
  quake: 'quake earthquake tremor shake jolt rock temblor sismo terremoto sacudir',
  hit: 'hit strike slam batter golpear azotar',
  enter: 'enter check_into admit admission check_in ingresar internar',
  leave: 'leave exit depart check_out abandon salir abandonar',
  sign: 'sign signing firmar',
  agree: 'agree agreement deal accord pact accept acordar acuerdo pactar aceptar',
  threaten: 'threaten threat warn amenazar amenaza advertir',
  impose: 'impose levy slap_on imponer',
  increase: 'increase rise raise grow climb jump boost surge aumentar subir crecer',
  decrease: 'decrease fall drop decline cut reduce lower slash disminuir bajar caer reducir recortar',
  protest: 'protest demonstrate rally march protestar manifestar',
  extradite: 'extradite extradition deport deportation expel hand_over transfer extraditar deportar expulsar entregar',
  rescue: 'rescue save evacuate rescatar salvar evacuar',
  crash: 'crash collide collapse derail estrellar chocar colapsar derrumbar',
  sue: 'sue lawsuit demandar',
  approve: 'approve pass authorize endorse approval aprobar autorizar',
  reject: 'reject veto refuse deny rechazar vetar negar',
  propose: 'propose proposal plan suggest proponer planear plan',
  cooperate: 'cooperate cooperation collaborate collaboration partner cooperar colaborar cooperacion colaboracion',
  send: 'send dispatch deploy deployment enviar desplegar mandar',
  open: 'open inaugurate abrir inaugurar',
  close: 'close shut shutdown cerrar clausurar',
  smuggle: 'smuggle smuggling traffic trafficking flow contraband contrabandear traficar trafico flujo',
  share: 'share sharing exchange compartir intercambiar intercambio',
  fight: 'fight combat battle curb combatir luchar frenar',
  protect: 'protect defend safeguard uphold maintain proteger defender salvaguardar mantener',
  negotiate: 'negotiate negotiation negociar negociacion',
  investigate: 'investigate probe investigation investigar',
  fund: 'fund finance invest funding financiar invertir',
  employ: 'employ employment create generate emplear crear generar',
  burn: 'burn blaze fire_in ignite quemar incendiar incendio',
};

/** Lemma or stem → predicate class (built once from PREDICATE_CLASSES). */
export const PREDICATE_CLASS: ReadonlyMap<string, string> = new Map(
  Object.entries(PREDICATE_CLASSES).flatMap(([cls, words]) => words.split(' ').map((w) => [w, cls] as [string, string])),
);

/** Lexicon verbs whose noun is another thing: "a fire", "a name", "a tap" are not a firing, a naming, a tapping. */
export const VERB_ONLY: ReadonlySet<string> = new Set(['fire', 'fires', 'name', 'names', 'tap', 'sack', 'axe', 'ax', 'rock', 'jail']);

/** Verbs that carry no happening of their own (auxiliaries, light and attribution verbs): never a claim's predicate. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  'be have do get make take give say tell report add note state claim explain indicate told said says according go come become seem appear want need try begin continue keep let include accord confirm decide specify believe expect hope think know appreciate ser estar haber tener hacer decir dar ir confirmar'.split(
    ' ',
  ),
);

/** Irregular English past forms → lemma (the regular ones are cut by rule). */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  (
    'struck:strike hit:hit shot:shoot won:win lost:lose left:leave met:meet sold:sell bought:buy took:take made:make said:say told:tell ' +
    'went:go gone:go came:come gave:give given:give began:begin begun:begin fell:fall fallen:fall rose:rise risen:rise held:hold led:lead ' +
    'kept:keep sent:send found:find brought:bring caught:catch fought:fight ran:run saw:see seen:see knew:know drove:drive wrote:write ' +
    'spoke:speak chose:choose broke:break broken:break stole:steal flew:fly threw:throw shook:shake shaken:shake slew:slay slain:slay ' +
    'fled:flee quit:quit put:put set:set cut:cut beat:beat beaten:beat hurt:hurt sought:seek built:build spent:spend paid:pay laid:lay ' +
    'withdrew:withdraw withdrawn:withdraw was:be were:be is:be are:be been:be has:have had:have did:do done:do got:get gotten:get ' +
    'became:become stood:stand sat:sit hung:hang swore:swear sworn:swear tore:tear torn:tear wore:wear bore:bear shut:shut lit:light ' +
    'dies:die died:die dying:die lying:lie'
  )
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);
