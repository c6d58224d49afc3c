/**
 * Every panel of the hall overlay, as data: the named region it sits in and its priority. When two
 * open panels land in the same area of the current form (see forms.ts), the higher priority one
 * shows and the other folds to a button in the dock. A later issue's panel is one entry here.
 */

export type RegionName = 'top' | 'banner' | 'notice' | 'start' | 'end' | 'chat' | 'map' | 'captions' | 'dock' | 'stick';

export type PanelId =
  | 'toolbar'
  | 'menu'
  | 'announcement'
  | 'chat'
  | 'directory'
  | 'visitorList'
  | 'boothPanel'
  | 'leaveCard'
  | 'meetings'
  | 'meetingReminder'
  | 'askStaff'
  | 'landmarkCard'
  // the hall's agenda and the starred-session reminder (issue #11, ui/agenda/)
  | 'agenda'
  | 'agendaReminder'
  // questions to the session on stage (issue #11, ui/qa/)
  | 'qa'
  // questions to the guide: where is, who makes, what's on (issue #12, ui/guide/ask/)
  | 'askGuide'
  | 'minimap'
  | 'dock'
  | 'notice'
  | 'joystick'
  // reserved for the next wave (no UI yet): the guide's captions, the stage, the passport, the auction
  | 'guideCaptions'
  | 'stage'
  | 'passport'
  | 'auction';

export interface PanelSpec {
  region: RegionName;
  /** higher wins an area; Escape closes the highest shown panel that can close */
  priority: number;
  /** always shown, in an area of its own in every form (never folds) */
  fixed?: boolean;
  /** i18n key of its dock button */
  label: string;
}

export const PANELS: Record<PanelId, PanelSpec> = {
  toolbar: { region: 'top', priority: 100, fixed: true, label: 'layout.toolbar' },
  chat: { region: 'chat', priority: 99, fixed: true, label: 'chat.title' },
  dock: { region: 'dock', priority: 98, fixed: true, label: 'layout.dock' },
  // the connection status line and toasts: short, never folded away
  notice: { region: 'notice', priority: 97, fixed: true, label: 'layout.notice' },
  // touch screens only (TouchJoystick): a corner of its own
  joystick: { region: 'stick', priority: 97, fixed: true, label: 'controls.joystick' },
  // the folded toolbar's actions, opened by its ☰ button: a direct request, so it wins its area
  menu: { region: 'end', priority: 96, label: 'hud.menu' },
  announcement: { region: 'banner', priority: 95, label: 'hud.announcement' },
  guideCaptions: { region: 'captions', priority: 90, label: 'layout.guideCaptions' },
  boothPanel: { region: 'end', priority: 80, label: 'layout.boothPanel' },
  // leaving a card at the open booth (ui/visitor/): the booth panel waits in the dock meanwhile
  leaveCard: { region: 'end', priority: 85, label: 'layout.leaveCard' },
  // a private conversation with a booth's staff (ui/askStaff/); an answer with no conversation open
  // arrives folded, as its dock button
  askStaff: { region: 'end', priority: 84, label: 'askStaff.title' },
  // booking a meeting at the open booth (ui/meetings/): like leaving a card
  meetings: { region: 'end', priority: 83, label: 'meetings.title' },
  // 15 minutes before a visitor's meeting; an announcement arriving meanwhile wins the banner
  meetingReminder: { region: 'banner', priority: 94, label: 'meetings.reminderTitle' },
  stage: { region: 'end', priority: 75, label: 'layout.stage' },
  // the hall's sessions, opened by the toolbar's 日程 button: on now, next, later
  agenda: { region: 'start', priority: 72, label: 'agenda.panel' },
  // 5 minutes before a starred session; a meeting's reminder or an announcement wins the banner
  agendaReminder: { region: 'banner', priority: 93, label: 'agenda.reminderTitle' },
  // shown while a session is on stage; the agenda or a request for another start panel folds it to the dock
  qa: { region: 'start', priority: 71, label: 'qa.title' },
  directory: { region: 'start', priority: 70, label: 'directory.title' },
  // opened by the toolbar's 问向导 button; its "open the directory" closes it, so the two never compete
  askGuide: { region: 'start', priority: 73, label: 'layout.askGuide' },
  auction: { region: 'end', priority: 65, label: 'layout.auction' },
  landmarkCard: { region: 'end', priority: 60, label: 'hotspot.label' },
  passport: { region: 'start', priority: 55, label: 'layout.passport' },
  visitorList: { region: 'start', priority: 50, label: 'hud.visitors' },
  minimap: { region: 'map', priority: 40, label: 'minimap.show' },
};

export const PANEL_IDS = Object.keys(PANELS) as PanelId[];
