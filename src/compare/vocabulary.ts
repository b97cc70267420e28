/**
 * Evaluative and loaded words that signal framing rather than report (English and Spanish). A signal, not a
 * verdict: the dossier shows counts per outlet, never a label. Kept short and generic on purpose.
 */
export const LOADED_WORDS: ReadonlySet<string> = new Set(
  (
    'slam slams slammed blast blasts blasted lash lashed rip ripped bombshell shocking shock stunning explosive devastating disastrous disaster catastrophic chaos chaotic crisis scandal outrage outrageous furious fury humiliating humiliation bullying bully radical extremist extreme controversial notorious infamous brazen reckless dramatic drastic historic landmark unprecedented sweeping massive huge crushing crushed caves caved capitulate capitulated surrender surrendered triumph triumphant victory defeat embattled beleaguered draconian heavy-handed aggressive aggressively sharp sharply fierce fiercely alarming alarmingly dire grim slammed ' +
    'polémico polémica escándalo escandaloso indignación furia histórico histórica brutal drástico drástica contundente duro dura feroz catastrófico catastrófica caos crisis alarmante'
  ).split(' '),
);
