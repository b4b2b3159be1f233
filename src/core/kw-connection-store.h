/* kw-connection-store.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-connection.h"
#include "kw-secret-store.h"

G_BEGIN_DECLS

#define KW_TYPE_CONNECTION_STORE (kw_connection_store_get_type ())

G_DECLARE_FINAL_TYPE (KwConnectionStore, kw_connection_store, KW, CONNECTION_STORE, GObject)

typedef enum /*< flags >*/
{
  KW_IMPORT_FLAGS_NONE    = 0,
  KW_IMPORT_FLAGS_REPLACE = 1 << 0,   /* replace a user connection with the same id */
} KwImportFlags;

/* The saved connections, as a GListModel of KwConnection sorted by name: the
 * user's own file over the system-wide ones (a user connection hides a system
 * connection with the same id).
 *
 * @user_file: (nullable): defaults to $XDG_CONFIG_HOME/keyway/connections.ini
 * @system_dirs: (nullable): defaults to g_get_system_config_dirs(); each
 *   contributes keyway/connections.ini when it exists */
KwConnectionStore *kw_connection_store_new            (const char          *user_file,
                                                       const char * const  *system_dirs);
/* Reads the files. Reading is synchronous: it happens once at startup,
 * before any window, on files of a few hundred bytes. A malformed system
 * file is skipped with a warning (the desktop must still start); a malformed
 * user file is an error and nothing of it is used. */
gboolean           kw_connection_store_load           (KwConnectionStore   *self,
                                                       GError             **error);
const char        *kw_connection_store_get_user_file  (KwConnectionStore   *self);
KwConnection      *kw_connection_store_lookup         (KwConnectionStore   *self,
                                                       const char          *id);

/* Adds a connection (or replaces the user's own one with that id when
 * @replace), and rewrites the user file atomically with mode 0600. */
void               kw_connection_store_add_async      (KwConnectionStore   *self,
                                                       KwConnection        *connection,
                                                       gboolean             replace,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           kw_connection_store_add_finish     (KwConnectionStore   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* Removes a user connection (system ones are read-only) and, when @secrets
 * is given, its client secret from the keyring. */
void               kw_connection_store_remove_async   (KwConnectionStore   *self,
                                                       const char          *id,
                                                       KwSecretStore       *secrets,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           kw_connection_store_remove_finish  (KwConnectionStore   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Imports a .keyway file: parses all of it, stores its client secret (if
 * any) in @secrets, then adds the connection. Any failure (a bad file, an id
 * already taken, no keyring for the secret) leaves everything as it was. */
void               kw_connection_store_import_async   (KwConnectionStore   *self,
                                                       GFile               *file,
                                                       KwSecretStore       *secrets,
                                                       KwImportFlags        flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
KwConnection      *kw_connection_store_import_finish  (KwConnectionStore   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
