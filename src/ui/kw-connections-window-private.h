/* kw-connections-window-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connections-window.h"

G_BEGIN_DECLS

/* What kw-connections-window.c (the list, adding, editing, removing) and
 * kw-connections-window-files.c (importing, exporting) share. */

struct _KwConnectionsWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_leave_demo_button;
  GtkWidget           *list_page;
  AdwPreferencesGroup *list_group;
  GtkWidget           *leave_demo_button;
  GtkListBox          *list_box;

  /* Owned references */
  KwApplication       *application;
  KwConnectionStore   *store;
  GCancellable        *cancellable;   /* reading and writing files; cancelled on closing */
  AdwToast            *toast;         /* weak: the one shown */
};

/* What "Try Again" in an error dialog does. */
typedef void (*KwRetryFunc) (KwConnectionsWindow *self,
                             gpointer             data);

/* kw-connections-window.c */
gboolean       _kw_connections_window_is_closed     (KwConnectionsWindow *self);
KwSecretStore *_kw_connections_window_get_secrets   (KwConnectionsWindow *self);
/* Takes @title, markup. */
void           _kw_connections_window_toast         (KwConnectionsWindow *self,
                                                     char                *title);
/* Says what went wrong, offering "Try Again" when @retry is given and the
 * error is worth it. Takes @data. */
void           _kw_connections_window_report        (KwConnectionsWindow *self,
                                                     const GError        *error,
                                                     KwConnection        *connection,
                                                     KwRetryFunc          retry,
                                                     gpointer             data,
                                                     GDestroyNotify       data_free);
/* The connection an action's target names, or %NULL. */
KwConnection  *_kw_connections_window_lookup_target (KwConnectionsWindow *self,
                                                     GVariant            *param);

/* kw-connections-window-files.c */
void           _kw_connections_window_import_action (GtkWidget           *widget,
                                                     const char          *action_name,
                                                     GVariant            *param);
void           _kw_connections_window_export_action (GtkWidget           *widget,
                                                     const char          *action_name,
                                                     GVariant            *param);

G_END_DECLS
