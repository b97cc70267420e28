// Invented long news prose for the hostile-server benchmark and the server liveness test.

/** Ordinary invented news prose of about `bytes` bytes: varied sentences, paragraphs, numbers, names and quotes. */
export function longArticle(bytes: number): string {
  const towns = ['Portville', 'Marlow Cove', 'Quenby', 'Astwick', 'Dunholt', 'Pellering', 'Oxmere', 'Windle'];
  const roles = ['the mayor', 'a union leader', 'the harbour master', 'a council spokesperson', 'the port authority'];
  const parts = ['Harbour strike talks go on\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const town = towns[i % towns.length];
    const role = roles[(i * 3) % roles.length];
    const p = `${town} dock workers met on ${['Monday', 'Tuesday', 'Friday'][i % 3]} to discuss wages, and ${role} said ${100 + (i % 900)} members voted. "We want a fair deal for ${town}," ${role} told reporters. The talks resumed after ${2 + (i % 9)} days, officials said.\n\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}
