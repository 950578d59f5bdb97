import { folded } from './name-words.js';

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

// Classic English and US given names the list above lacked (a bare `Harriet Quarnby`, `Ambrose Whitlock` passed): names of
// the kind the SSA's decade lists rank from the 1880s on, and today's, written from those lists rather than one by one. The
// same exclusions hold (no `April`, `Rose`, `Hope`, `Claude`, `Crystal`): commonWord()'s words are never among them.
// About 400 names, some 3 kB of source and one Set lookup as before.
const CLASSIC_NAMES = (
  'harriet harriett henrietta lucinda imogen philippa cordelia rosalind rosamund rosamond millicent matilda mathilda adeline adele ' +
  'cora etta minnie mattie lula bessie jennie fannie nora norah eliza amelia susanna susannah hattie sadie maude maud mabel edna ' +
  'effie estelle eula gertrude inez leona lottie lena marguerite marion nettie olga pauline rosetta sophie susie willa winnie hilda ' +
  'greta ingrid helena cecilia cecily beatrix constance dorothea eleanora eloise elspeth esme euphemia evangeline genevieve georgina ' +
  'gwendolyn gwen honora isadora isabel isobel jemima juliet juliana katharine kathrine leonora letitia lavinia louisa lucretia ' +
  'marianne maxine octavia ophelia penelope priscilla rosalie rosalyn rowena sabina selina sybil sibyl tabitha theodora ursula ' +
  'vivian vivienne wilhelmina zelda bridget agatha albertina alfreda annabel annabelle antonia arabella bernadette camilla cassandra ' +
  'celia christabel claudia cornelia delia dinah dora edwina elinor ellie elsa emmeline enid eugenia eunice frederica freda frieda ' +
  'griselda hermione hester hortense joanna lillie lorna mamie marcia margery marianna meredith millie muriel nell odette ottoline ' +
  'phoebe polly rhoda roxanne sabrina thomasina tilly verna wilma yvette zora adelina edie elise iva lela leola mayme minerva reba ' +
  'velma jocelyn fiona gabriella gabrielle giselle delilah eliana emilia adalyn madelyn kaylee kaitlyn katelyn brianna aubrey ' +
  'arianna ariana valentina liliana gianna isabelle juliette josie elaina talia nina miranda alicia daniela daniella jasmine alyssa ' +
  'kiara keira bethany kristen kristin kirsten courtney lindsay lindsey melanie ambrose cornelius bartholomew augustus alistair ' +
  'alasdair archibald barnabas benedict bertram bertrand byron cedric clement clifton conrad cyril cyrus dudley edgar edmund edmond ' +
  'elias elijah eli elliott elliot emmett ephraim erasmus ezekiel ezra felix ferdinand fletcher gideon gilbert godfrey gustave ' +
  'gustav hamish harvey herman hiram horatio hubert humphrey ignatius isaac isaiah ivan jasper jeremiah jethro jonah josiah julian ' +
  'julius lambert leopold lionel lucius malcolm matthias maurice maximilian mortimer mordecai nathaniel neville nigel obadiah ' +
  'octavius orville oswald percival percy quentin reginald reuben roderick rudolph rupert seymour silas simeon solomon sylvester ' +
  'tobias ulysses vernon wilfred winston zachariah alphonse alonzo amos abraham abram alvin archie bennett bert chauncey clyde ' +
  'delbert dewey elbert emil emery harlan herschel hollis hugh irving jake jed jules karl lemuel leon lewis lonnie lowell mack ' +
  'maynard merle morris moses murray myron norman ollie orval otto owen perry pete preston roland rollin roscoe sherman sidney simon ' +
  'stewart stuart theo tom waldo warren wendell wilbert willard woodrow zeke alfonso caleb luke evan ian liam lucas connor aiden ' +
  'gavin jared seth spencer trevor victor dominic damian adrian colin declan tristan nolan garrett wesley jonas rhys gareth dorian ' +
  'alec'
).split(' ');

// Given names common among patients born elsewhere (South Asian, Arabic, West and East African, Japanese, Chinese and
// Korean romanized, Vietnamese, Slavic, Irish, Turkish, Persian, Hebrew): the list above is US birth records, so
// `Okafor, Kenji`, `Haddad, Siobhan` or `Hi Priya,` went unread where `Doe, Jane` was. Left out as above: names that are
// also English words, abbreviations or places after a comma (`Dev`, `Hong`, `Jun`, `Li`, `Said`, `Can`, `Sun`, `Min`).
const WORLD_NAMES = (
  'aarav aditya akash amit amitabh anand anil anjali ankit anupam arjun arnav asha ashok bhavna deepa deepak dinesh divya ganesh ' +
  'geeta gita gurpreet harpreet harsha ishaan jaspreet jyoti kavita kavya kiran krishna lakshmi madhu mahesh manish manoj manpreet ' +
  'meena meera mohan mukesh nandini navdeep neha nikhil nisha pooja pradeep prakash pranav priya priyanka rahul rajesh rakesh ' +
  'ramesh ravi rekha rohan rohit sachin sandeep sanjay sanjeev santosh sarita shalini shanti shreya shruti simran sita sneha sonia ' +
  'sudha sujata sunil sunita suresh swati tanvi usha varun vidya vijay vikram vinod vishal yash ali hana mohammed muhammad mohamed ' +
  'mohammad ahmed ahmad omar umar hassan hasan hussein hussain ibrahim yusuf youssef yousef khalid karim kareem tariq tarek rashid ' +
  'samir sameer nabil walid faisal hamza bilal ayman mustafa mostafa mahmoud abdullah abdul aziz jamal kamal rami fadi ziad ziyad ' +
  'fatima fatimah aisha ayesha khadija maryam mariam zainab zaynab layla leila laila noor nour amira yasmin yasmine salma huda ' +
  'rania samira farah amal dalia lina rana reem chidi chinedu chiamaka chioma ngozi adaeze obinna emeka ifeoma nkechi uchenna ' +
  'oluwaseun olumide adebayo ayodele babajide folasade funmilayo temitope tunde yetunde kwame kofi kojo akosua abena kwabena adwoa ' +
  'amara thabo sipho lerato nomvula tendai tatenda wanjiru wambui njeri otieno achieng abebe tesfaye almaz kenji hiroshi takashi ' +
  'takeshi haruto yuto sota kazuki daisuke ryota shota yuki hiroko yuko keiko akiko naoko tomoko aiko haruka yui yumi mariko noriko ' +
  'sachiko kaori megumi ayumi wei ming jing xiao hui ying xin jia yong jian qiang xiu mei lian chun minjun seojun jiho jiwoo ' +
  'seoyeon soyeon jiyeon minji jisoo hyun jihoon sunghoon eunji hyejin sooyoung minh thanh huong linh trang phuong tuan quang thao ' +
  'nhung hieu khanh hanh thuy dmitri dmitry sergei sergey alexei aleksei aleksandr alexandr svetlana tatiana tatyana irina katya ' +
  'oksana yuri igor nikolai mikhail anastasia ekaterina yekaterina galina lyudmila agnieszka malgorzata katarzyna krzysztof piotr ' +
  'tomasz wojciech pawel jakub zofia bogdan milos dragan snezana jelena ivana siobhan niamh aoife saoirse caoimhe sinead aisling ' +
  'orla roisin grainne eoin ciaran cian oisin padraig seamus diarmuid mehmet ahmet emre elif zeynep ayse fatma burak deniz reza ' +
  'parisa shirin navid arash dariush farhad yosef moshe shira yael'
).split(' ');

// Probe 48 (H248): given names of the last two decades' US birth records and of Nordic, Latin American, South Asian and West
// African families that the lists above missed (`Mateo`, `Darnell`, `Lars`, `Aaliyah`, `Thiago`, `Saanvi`); names that are also
// words, places or brands (`Ruby`, `Iris`, `Georgia`, `Logan`, `Ada`, `Alexa`) are left out as above.
const RECENT_NAMES = (
  'mateo darnell lars asher luca mason jayden wyatt landon colton brayden rowan beckett jaxon grayson greyson kayden ayden ' +
  'tyrone deshawn darius malik terrell dwayne lamar marquis tyrell kendrick jermaine keisha latoya tamika shaniqua aaliyah ' +
  'imani jada tanisha lakisha aurelio henrike xiomara lachlan sven bjorn erik anders nils olaf astrid sigrid freya linnea ' +
  'annika johan mikael henrik jens soren kasper magnus sebastian camila ximena renata mariana gabriela emiliano joaquin matias ' +
  'thiago nicolas vivaan anaya diya ananya riya saanvi arvind folake zuri kamau nadia zoey kinsley hailey nevaeh brielle rylee ' +
  'mackenzie adalynn aubree natalia raelynn leilani kylie alexandra amaya khloe valeria ryleigh emersyn alina aliyah lilly ' +
  'jordyn teagan sloane elliana londyn ayla gracie everleigh mya alana alaina mckenzie brynlee mariah lila adelyn alivia noelle ' +
  'makayla angelina adaline catalina alayna julianna adriana jayla tessa selena blakely camille malia ainsley'
).split(' ');

export const GIVEN_NAMES: ReadonlySet<string> = new Set([...NAMES, ...CLASSIC_NAMES, ...WORLD_NAMES, ...RECENT_NAMES]);

/** A given name of the list with its accents folded (`María`, `Zoë`, `Chloé`), or a hyphenated one opening with such a name
 * (`Jean-Luc`, `Mary-Kate`, `Ana-María`). */
export function givenWord(word: string): boolean {
  const w = folded(word);
  return GIVEN_NAMES.has(w) || (w.includes('-') && GIVEN_NAMES.has(w.slice(0, w.indexOf('-'))));
}

/** Whether the word at `from` up to the next space (to the text's last character when none follows) is a common given name. */
export const givenNameAt = (text: string, from: number): boolean => GIVEN_NAMES.has(text.slice(from, text.indexOf(' ', from)).toLowerCase());
