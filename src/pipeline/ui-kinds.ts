// The kinds of UI an app's class name ends with, one list for every reader of class names (class-names.ts reads a
// screen's name, app-routes.ts a screen's class under any key), so a screen named `ImagingReportViewer` or
// `MessageThreadPane` is read wherever `…Screen` is. Each is a capitalised word after a lower-case letter or digit, so
// `Reviewer` or `Explorer` in a word is not one (`LabReviewer` ends with no kind).

/** A whole screen: what a screen's class under any key ends with. */
export const SCREEN_KINDS = 'Activity|Fragment|ViewController|Controller|Screen|Page|Viewer|View|Sheet|Modal|Dialog|Tab|Route|Panel|Pane|Scene';

/**
 * A part of a screen that shows one object (`PrescriptionsCardView`, `UpcomingAppointmentsTile`, `LabResultsWidget`): on an app's home
 * screen it shows the member's own object as the object's screen does, so its class is read under any key too and, its kind removed,
 * names that screen (`CareTeamCardView` and `PrescriptionsCardView` alike). Not `Card` alone: `IDCard`, `GiftCard` name objects.
 */
export const WIDGET_KINDS = 'CardView|CardCell|Tile|TileView|Widget';

/** A screen and the parts a screen is built of: what a screen's own name may end with, removed one after another. */
export const UI_KINDS = `${SCREEN_KINDS}|VC|BottomSheet|Container|Flow|Step[0-9]*|Component|Widget|Wizard|Layout|Host`;
