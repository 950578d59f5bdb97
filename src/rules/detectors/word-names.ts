// Given names that are also words or months (given-names.ts leaves them out: read anywhere they would cut prose), for the one place
// a name is all such a word can be: right after `my`/`our` and a relative, closing the sentence or before its verb (`sending love to
// my sister faith`, `please call my mother june.`, `my grandma april is in room 3`; household-name.ts). `may` and `will` stay out:
// a modal goes on there (`my mom may`, `my son will`).
export const WORD_NAMES: ReadonlySet<string> = new Set(('faith hope joy grace mercy charity patience prudence constance honor honour ' +
  'june april august summer autumn winter dawn eve star sky skye rain storm river brook ocean sunny ' +
  'rose ruby pearl ivy hazel holly lily daisy iris violet jasmine poppy heather olive ginger amber jade coral crystal opal ' +
  'angel bliss harmony destiny melody serenity trinity journey haven liberty unity ' +
  'mark jack bill bob rob pat art ray gene sue nick rich frank grant drew dean lane miles rusty buddy sandy misty candy cherry ' +
  'brandy chase hunter mason carter cash colt wade heath glen forrest clay stone reed rocky hank max sonny').split(' '));
