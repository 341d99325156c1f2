// Browser APIs web/js uses that TypeScript's DOM library does not describe yet, and the globals our own
// scripts share. Types only: nothing here reaches the browser.

/** Window Management API (Chromium): counts screens exactly once the student allowed it. */
interface ScreenDetails extends EventTarget {
  readonly screens: ReadonlyArray<Screen>;
}

interface Screen extends EventTarget {
  /** true when the device has more than one screen (Window Management API) */
  readonly isExtended?: boolean;
}

interface Window {
  getScreenDetails(): Promise<ScreenDetails>;
  /** set by recorder.js when it owns the camera and the screen */
  adalRecorder?: unknown;
  /** set by a page before importing recorder.js when it records something other than an attempt (the oral turn) */
  adalRecordingTarget?: any;
}

interface DisplayMediaStreamOptions {
  /** Chromium: offer whole screens in the picker */
  monitorTypeSurfaces?: 'include' | 'exclude';
  /** Chromium: leave the page's own tab out of the picker */
  selfBrowserSurface?: 'include' | 'exclude';
  /** Chromium: no "share this tab instead" button while sharing */
  surfaceSwitching?: 'include' | 'exclude';
}

interface Permissions {
  query(permissionDesc: { name: PermissionName | 'window-management' }): Promise<PermissionStatus>;
}
