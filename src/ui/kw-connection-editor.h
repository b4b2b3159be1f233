/* kw-connection-editor.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-connection-store.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CONNECTION_EDITOR (kw_connection_editor_get_type ())

G_DECLARE_FINAL_TYPE (KwConnectionEditor, kw_connection_editor, KW, CONNECTION_EDITOR, AdwWindow)

/* A dialog that adds a connection (@connection %NULL), edits a user
 * connection, or shows a system one, which only its client secret can be
 * entered for. Fields are checked with the core's rules as they are typed,
 * and Save waits until all are valid. Saving stores the client secret in
 * @secrets and the connection in @store, all or nothing; the dialog then
 * emits "saved" (the connection as saved) and closes. A failure is said in
 * a dialog over the editor, which stays open. The fields a helpdesk uses
 * (credentials source, AWS profile, access key id) are kept as they are. */

KwConnectionEditor *kw_connection_editor_new            (GtkWindow          *parent,
                                                         KwConnectionStore  *store,
                                                         KwSecretStore      *secrets,
                                                         KwConnection       *connection);
/* The connection being edited or shown, or %NULL when adding. */
KwConnection       *kw_connection_editor_get_connection (KwConnectionEditor *self);

G_END_DECLS
