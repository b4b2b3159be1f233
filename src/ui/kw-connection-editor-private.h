/* kw-connection-editor-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connection-editor.h"

G_BEGIN_DECLS

/* What kw-connection-editor.c (the form) and kw-connection-editor-save.c
 * (saving it) share. */

/* What the keyring holds for the connection being edited. */
typedef enum
{
  KW_STORED_SECRET_NONE,        /* the connection has no client secret */
  KW_STORED_SECRET_CHECKING,
  KW_STORED_SECRET_YES,
  KW_STORED_SECRET_MISSING,
  KW_STORED_SECRET_UNREADABLE,
} KwStoredSecret;

struct _KwConnectionEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *save_button;
  GtkSpinner        *save_spinner;
  GtkWidget         *form_box;
  GtkWidget         *read_only_group;
  AdwEntryRow       *name_row;
  GtkLabel          *name_caption;
  AdwEntryRow       *region_row;
  AdwEntryRow       *user_pool_row;
  AdwEntryRow       *client_id_row;
  GtkLabel          *pool_caption;
  GtkWidget         *secret_box;
  AdwEntryRow       *secret_row;
  AdwActionRow      *stored_secret_row;
  GtkWidget         *forget_secret_button;
  GtkWidget         *keep_secret_button;
  GtkLabel          *secret_caption;
  GtkSwitch         *prevent_switch;
  GtkSpinButton     *length_spin;
  GtkSwitch         *uppercase_switch;
  GtkSwitch         *lowercase_switch;
  GtkSwitch         *numbers_switch;
  GtkSwitch         *symbols_switch;
  AdwEntryRow       *endpoint_row;
  GtkLabel          *endpoint_caption;
  AdwActionRow      *id_row;
  AdwActionRow      *credentials_row;

  /* Owned references */
  KwConnectionStore *store;
  KwSecretStore     *secrets;
  KwConnection      *connection;     /* edited or shown; NULL when adding */
  GCancellable      *cancellable;    /* the keyring lookup on opening */
  GtkWidget         *saved_focus;    /* weak: where the focus was before saving */

  KwStoredSecret     stored;
  gboolean           forget_secret;  /* remove the stored secret on saving */
  gboolean           read_only;
  gboolean           saving;
};

/* kw-connection-editor.c */
gboolean  _kw_connection_editor_is_closed      (KwConnectionEditor *self);
void      _kw_connection_editor_update         (KwConnectionEditor *self);
/* The text of a row, without the spaces a paste brings along. */
char     *_kw_connection_editor_dup_text       (AdwEntryRow        *row);
gboolean  _kw_connection_editor_client_changed (KwConnectionEditor *self);
void      _kw_connection_editor_saved          (KwConnectionEditor *self,
                                                KwConnection       *connection);

/* kw-connection-editor-save.c */
void      _kw_connection_editor_save_action    (GtkWidget          *widget,
                                                const char         *action_name,
                                                GVariant           *param);

G_END_DECLS
