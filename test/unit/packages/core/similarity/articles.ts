/*
 * Short news texts written for the similarity tests. WIRE_REPORT and
 * LOCAL_REPORT are two independent write-ups of one invented event: they
 * share names, places and figures but not their sentences, and must never be
 * near-duplicates. REPUBLISHED_COPY is WIRE_REPORT as another site runs it: a
 * new headline, three edited words (`that` -> `which`, `when` -> `as`,
 * `about` -> `around`) and a footer.
 */

const WIRE_REPORT = `Cocaine worth 12 million euros found in banana shipment at Ravenna

Customs officers and the Guardia di Finanza seized 48 kilograms of cocaine on Tuesday at the port of Ravenna, hidden inside a refrigerated container of bananas that had arrived from Guayaquil, Ecuador. The drugs were packed in 40 bricks stamped with a scorpion logo and concealed behind the fruit boxes near the cooling unit.

Investigators said the container was flagged by a risk analysis of its route, which included an unscheduled stop in Valencia. Two dockworkers, aged 34 and 41, were arrested when they tried to open the seal during the night shift. Prosecutor Marco Bellini said the men were paid to recover the bricks before the container left the terminal.

According to the investigators, the cocaine would have sold for about 12 million euros on the streets of northern Italy. The inquiry is now looking at a freight company based in Bologna.`;

const LOCAL_REPORT = `Two Ravenna dockers held after police find drugs among bananas

Night at the Porto Corsini terminal ended in handcuffs for two local men. The pair, a 34-year-old from Lido Adriano and a 41-year-old from Ravenna, had been working at the port for years, colleagues told this newspaper, and nobody suspected anything.

The Guardia di Finanza had been waiting for them. When the dockers broke the seal of a reefer container from Ecuador, officers stepped out of the dark and stopped them. Inside, behind the banana crates, were forty bricks of cocaine, 48 kilos in all, each marked with the drawing of a scorpion.

"This is a serious blow to the trafficking routes through our port," prosecutor Marco Bellini told reporters on Wednesday morning. He would not say who had hired the dockers. Sources close to the case mention a transport firm in Bologna and a stop the ship made in Spain.`;

const REPUBLISHED_COPY = `Ravenna: 48 kilos of cocaine hidden among bananas, two arrested

Customs officers and the Guardia di Finanza seized 48 kilograms of cocaine on Tuesday at the port of Ravenna, hidden inside a refrigerated container of bananas which had arrived from Guayaquil, Ecuador. The drugs were packed in 40 bricks stamped with a scorpion logo and concealed behind the fruit boxes near the cooling unit.

Investigators said the container was flagged by a risk analysis of its route, which included an unscheduled stop in Valencia. Two dockworkers, aged 34 and 41, were arrested as they tried to open the seal during the night shift. Prosecutor Marco Bellini said the men were paid to recover the bricks before the container left the terminal.

According to the investigators, the cocaine would have sold for around 12 million euros on the streets of northern Italy. The inquiry is now looking at a freight company based in Bologna.

This story was first published by the Adriatic Wire and is reproduced here with its permission.`;

/** A brief: far fewer than MIN_SHINGLES shingles. */
const BRIEF = 'Two dockworkers were arrested in Ravenna after 48 kilos of cocaine were found.';

/**
 * `count` words of a fixed pseudo-random vocabulary stream, from `seed`:
 * distinct seeds give texts that share no five-word run.
 */
const syntheticText = (seed: number, count: number): string => {
  let state = seed >>> 0;
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    words.push(`w${(state >>> 8) % 5000}`);
  }
  return words.join(' ');
};

export { BRIEF, LOCAL_REPORT, REPUBLISHED_COPY, syntheticText, WIRE_REPORT };
