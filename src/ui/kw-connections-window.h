/* kw-connections-window.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-application.h"

G_BEGIN_DECLS

#define KW_TYPE_CONNECTIONS_WINDOW (kw_connections_window_get_type ())

G_DECLARE_FINAL_TYPE (KwConnectionsWindow, kw_connections_window, KW, CONNECTIONS_WINDOW, AdwWindow)

/* The saved connections of the application: a list to add, edit, remove,
 * import and export them. System connections are shown, not changed. In
 * demo mode it still shows the saved connections, and says that the
 * wizard uses the demo's until the demo is left. */

KwConnectionsWindow *kw_connections_window_new         (KwApplication       *application);
/* What the file choosers lead to: importing a .keyway file (asking before
 * replacing a connection with the same id), and exporting @connection into
 * @file. Each says how it went in a toast or an error dialog. */
void                 kw_connections_window_import_file (KwConnectionsWindow *self,
                                                        GFile               *file);
void                 kw_connections_window_export_file (KwConnectionsWindow *self,
                                                        KwConnection        *connection,
                                                        GFile               *file);

G_END_DECLS
