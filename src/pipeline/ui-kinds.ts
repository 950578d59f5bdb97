// The kinds of UI an app's class name ends with, one list for every reader of class names (class-names.ts reads a
// screen's name, app-routes.ts a screen's class under any key), so a screen named `ImagingReportViewer` or
// `MessageThreadPane` is read wherever `…Screen` is. Each is a capitalised word after a lower-case letter or digit, so
// `Reviewer` or `Explorer` in a word is not one (`LabReviewer` ends with no kind).

/** A whole screen: what a screen's class under any key ends with. */
export const SCREEN_KINDS = 'Activity|Fragment|ViewController|Controller|Screen|Page|Viewer|View|Sheet|Modal|Dialog|Tab|Route|Panel|Pane|Scene';

/** A screen and the parts a screen is built of: what a screen's own name may end with, removed one after another. */
export const UI_KINDS = `${SCREEN_KINDS}|VC|BottomSheet|Container|Flow|Step[0-9]*|Component|Widget|Wizard|Layout|Host`;
