/* kw-screenshot.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-application.h"

G_BEGIN_DECLS

/* What the screenshot programs share: their command line, a window of the
 * pictures' size, and GTK rendering it (with a dialog over its middle) into
 * a PNG, so that no window manager or screen grabber is needed.
 *
 *   PROGRAM WIDTH HEIGHT light|dark PREFIX */

typedef gboolean (*KwScreenshotCondition) (gpointer window);

/* Reads the command line (exits with a usage line when it is wrong), binds
 * the text domain (KEYWAY_LOCALEDIR may point at the build tree's
 * catalogues, for other languages without installing), sets GTK up as GNOME
 * shows it, and returns the registered, non-unique application. */
KwApplication *kw_screenshot_init       (int                    argc,
                                         char                 **argv,
                                         const char           **prefix);
/* Presents @window at the pictures' size. */
void           kw_screenshot_present    (GtkWindow             *window);
/* Iterates the main loop until @condition holds for @window; fails after
 * @timeout_s seconds, naming @what. Says when the window, meanwhile, asks
 * for more width than the pictures have. */
void           kw_screenshot_wait_until (GtkWindow             *window,
                                         KwScreenshotCondition  condition,
                                         guint                  timeout_s,
                                         const char            *what);
/* Lets layout, frames and anything idle run for a moment. */
void           kw_screenshot_settle     (void);
/* Writes PREFIX-STEP.png: @window as it is on screen, with @dialog
 * (nullable) over its middle, as a window manager would place it. */
void           kw_screenshot_save       (GtkWindow             *window,
                                         GtkWidget             *dialog,
                                         const char            *prefix,
                                         const char            *step);

G_END_DECLS
