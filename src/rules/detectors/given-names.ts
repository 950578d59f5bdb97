// Common given names (US birth records of the last century, Spanish ones among them), lower case. Used
// only where a shape already says "a person's name, surname first" and a given name is what tells it
// from a place or a list (`Doe, Jane` and `DOE, Jane` against `Portland, Oregon`, `Vitamins, Supplements`:
// record-name.ts), and in a page path under a segment naming people (`/patients/jane-doe-1961`:
// sanitize-url). Not a dictionary to find names anywhere: a name without that shape is not looked up.
// Left out: names that are also months, words, places or products read after a comma (`June`, `May`,
// `Grace`, `Max`, `Eugene`, `Charlotte`, `Austin`, `Jordan`, `Victoria`, `Jack`, `Mark`, `Will`).
const NAMES = (
  'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna ' +
  'michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma ' +
  'nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce evelyn joan ' +
  'kelly christina lauren judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice ' +
  'doris abigail julia judy sophia denise marilyn beverly danielle theresa diana natalie brittany marie kayla alexis lori jane eleanor ' +
  'agnes beatrice winifred edith ethel mildred irene esther louise lois norma phyllis marjorie peggy wanda rita vera gladys josephine ' +
  'thelma lucille bernice geraldine elaine sylvia sally loretta connie yvonne darlene tina wendy tammy anne annie mae lillian clara elsie ' +
  'hazel ella ida lucy nellie bertha alma eva ellen audrey joanne kathy roberta rosemary marian arlene carole bonnie colleen maureen ' +
  'eileen kathryn suzanne tracy stacy monica erica erin molly jenna allison alison caroline claire madeline chloe zoe ava mia isabella ' +
  'abby addison natasha vanessa veronica valerie leslie dana renee jill sheila joann regina lydia miriam naomi leah rosa carmen lucia ' +
  'sofia ana juana elena beatriz guadalupe yolanda graciela consuelo dolores esperanza margarita francesca ' +
  'james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony donald steven paul andrew ' +
  'joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin ' +
  'scott brandon benjamin samuel gregory alexander patrick dennis jerry aaron jose adam nathan henry douglas zachary peter kyle noah ' +
  'ethan jeremy walter keith roger terry sean gerald carl harold dylan arthur lawrence jesse bryan billy bruce gabriel joe albert ' +
  'willie alan vincent ralph roy louis bobby philip johnny howard fred harry stanley leonard earl clarence ernest francis herbert ' +
  'frederick alfred wilbur raymond theodore thaddeus lazarus barnaby cormac desmond marcus martin craig todd shawn travis randy ' +
  'howard eddie wayne phillip derek curtis troy jeffery calvin leroy bernard melvin marvin glenn gordon dale lloyd floyd clifford ' +
  'elmer oscar edwin cecil lester milton everett wallace luther homer otis virgil horace rufus ellis ' +
  'juan carlos luis miguel jorge pedro manuel francisco javier antonio alejandro ricardo fernando rafael roberto eduardo diego sergio ' +
  'andres enrique jesus alberto arturo ramon hector raul ruben salvador ignacio'
).split(' ');

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES);
