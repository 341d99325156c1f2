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
  /** set by a page that records something other than an attempt (the oral turn) before it loads recorder.js */
  adalRecordingTarget?: object;
}

interface DisplayMediaStreamOptions {
  /** Chromium: offer whole screens in the picker */
  monitorTypeSurfaces?: 'include' | 'exclude';
}

interface Permissions {
  query(permissionDesc: { name: PermissionName | 'window-management' }): Promise<PermissionStatus>;
}
