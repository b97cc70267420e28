/**
 * Invented texts for the rewrite tests (fictional people and places): a wire story, an outlet's rewrite of it
 * (sentences reworded, commentary added, order kept), and an independent report of the same event (same names, its
 * own sentences).
 */
export const WIRE = [
  'Harbour minister Ilse Varga announced on Monday that the northern ferry terminal at Kestrel Point will close for eight months of repairs.',
  'Engineers found corroded steel piles beneath the passenger pier during a routine inspection in March, the ministry said.',
  'Around four thousand commuters cross from Kestrel Point to the island of Dunmore every weekday.',
  'Temporary shuttle boats will sail from the fishing harbour at Lowe Quay, adding twenty minutes to each crossing.',
  'The repairs are expected to cost eleven million crowns, paid from the regional transport budget.',
  'Local traders warned that the closure could hurt shops and cafes near the terminal during the summer season.',
  'Varga promised weekly progress reports and said the terminal would reopen before the winter storms arrive.',
  'The opposition transport spokesman Teodor Brill demanded an inquiry into why the corrosion was not found earlier.',
].join(' ');

export const REWRITE = [
  'The northern ferry terminal at Kestrel Point is set to close for eight months of repairs, harbour minister Ilse Varga announced Monday.',
  'The decision marks a turning point for the region.',
  'According to the ministry, engineers discovered corroded steel piles under the passenger pier in a routine March inspection.',
  'Every weekday, around four thousand commuters travel between Kestrel Point and the island of Dunmore.',
  'Shuttle boats will temporarily sail from the Lowe Quay fishing harbour, which adds twenty minutes to each crossing.',
  'Observers will be watching closely.',
  'The regional transport budget will pay for the repairs, expected to cost eleven million crowns.',
  'Traders near the terminal warned the closure could hurt local shops and cafes in the summer season.',
  'Varga pledged weekly progress reports, saying the terminal would reopen before winter storms arrive.',
].join(' ');

export const INDEPENDENT = [
  'Commuters at Kestrel Point reacted with dismay after Ilse Varga confirmed the ferry terminal would shut.',
  'Marta Olsen, who sells newspapers at the pier, said her income would fall by half over the coming months.',
  'A union representing ferry crews asked for guarantees that no jobs would be lost during the closure.',
  'Dunmore island council will meet on Thursday to discuss school transport for pupils who cross daily.',
  'Some residents questioned whether the shuttle boats could cope with bicycles and prams in rough weather.',
  'The ministry has not published the inspection report, and a request for it was refused on Tuesday.',
  'Teodor Brill of the opposition said he would raise the matter in parliament next week.',
].join(' ');
