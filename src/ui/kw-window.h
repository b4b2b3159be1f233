/* kw-window.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-application.h"

G_BEGIN_DECLS

#define KW_TYPE_WINDOW (kw_window_get_type ())

G_DECLARE_FINAL_TYPE (KwWindow, kw_window, KW, WINDOW, AdwApplicationWindow)

/* The main window: the welcome page when no connection is known, else the
 * recovery wizard over the application's connections (or the demo's). */

KwWindow *kw_window_new               (KwApplication *application);
/* Chooses the connection and starts the wizard over on it. */
void      kw_window_start_recovery    (KwWindow      *self,
                                       KwConnection  *connection);
/* Asks whether to add the connection in @file, adds it, and starts the
 * wizard on it. */
void      kw_window_import_file       (KwWindow      *self,
                                       GFile         *file);
/* Shows @error (not tied to a request of the wizard) as a dialog. */
void      kw_window_report_error      (KwWindow      *self,
                                       const GError  *error);

G_END_DECLS
